import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadStaticRoutes } from '../lib/server/static-routes';
import { planStaticRoutes, renderNginxConfig, renderNginxSite, type NginxSiteOptions } from './nginx-config';

/**
 * nginx's configuration for a real server, from a build: by default the site for the system's
 * nginx (a file for /etc/nginx/conf.d/), or with --full a complete nginx.conf for an nginx run
 * with -p. Run it again after every build (each page's CSP hashes change) and reload nginx.
 */
const USAGE = `Usage: tsx deploy/render-nginx-config.ts --dist-dir /srv/crisis-briefings/current/.next \\
    --upstream 127.0.0.1:3001 --upstream 127.0.0.1:3002 --server-name briefings.example.org \\
    --certificate /etc/letsencrypt/live/briefings.example.org/fullchain.pem \\
    --certificate-key /etc/letsencrypt/live/briefings.example.org/privkey.pem \\
    --out /etc/nginx/conf.d/crisis-briefings.conf

  --dist-dir DIR          the build (NEXT_DIST_DIR) nginx serves files from (default .next)
  --upstream HOST:PORT    an app instance; repeat for each (default 127.0.0.1:3001 and :3002)
  --server-name NAMES     server_name (default _)
  --http-listen ADDR      plain http (default 80); with TLS it only redirects to https
  --https-listen ADDR     TLS (default 443), with --certificate and --certificate-key
  --no-tls                plain http only (behind another TLS terminator)
  --no-redirect           serve the site on plain http too instead of redirecting
  --acme-webroot DIR      serve /.well-known/acme-challenge/ from DIR on plain http (certbot --webroot)
  --access-log FILE       default /var/log/nginx/crisis-briefings.access.log
  --full --prefix DIR     a complete nginx.conf (logs, pid, temp under DIR) instead of a conf.d file
  --user NAME             with --full: the user nginx's workers run as
  --out FILE              where to write it (default: standard output); written whole, then renamed`;

class UsageError extends Error {
  override name = 'UsageError';
}

function read() {
  const { values } = parseArgs({
    options: {
      'dist-dir': { type: 'string', default: '.next' },
      upstream: { type: 'string', multiple: true },
      'server-name': { type: 'string' },
      'http-listen': { type: 'string', default: '80' },
      'https-listen': { type: 'string', default: '443' },
      certificate: { type: 'string' },
      'certificate-key': { type: 'string' },
      'no-tls': { type: 'boolean', default: false },
      'no-redirect': { type: 'boolean', default: false },
      'acme-webroot': { type: 'string' },
      'access-log': { type: 'string', default: '/var/log/nginx/crisis-briefings.access.log' },
      full: { type: 'boolean', default: false },
      prefix: { type: 'string' },
      user: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const tls = !values['no-tls'];
  if (tls && (!values.certificate || !values['certificate-key'])) throw new UsageError('--certificate and --certificate-key are needed for https (or --no-tls)');
  if (values.full && !values.prefix) throw new UsageError('--full needs --prefix, the folder for its logs, pid and temp files');
  return { ...values, tls };
}

async function main(): Promise<void> {
  let options: ReturnType<typeof read>;
  try {
    options = read();
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(2);
  }
  const distDir = path.resolve(options['dist-dir']);
  const manifest = await loadStaticRoutes(distDir);
  const site: Omit<NginxSiteOptions, 'accessLog'> = {
    manifest,
    distDir,
    upstreams: options.upstream ?? ['127.0.0.1:3001', '127.0.0.1:3002'],
    http: { listen: options['http-listen'] },
    ...(options.tls ? { https: { listen: options['https-listen'], certificate: path.resolve(options.certificate!), certificateKey: path.resolve(options['certificate-key']!) } } : {}),
    redirectHttpToHttps: options.tls && !options['no-redirect'],
    serverName: options['server-name'],
    acmeWebroot: options['acme-webroot'],
  };
  const config = options.full
    ? renderNginxConfig({ ...site, prefix: options.prefix!, user: options.user })
    : renderNginxSite({ ...site, accessLog: options['access-log'] });

  const plan = planStaticRoutes(manifest);
  const summary = [
    `${plan.served.length} prerendered routes served by nginx from ${distDir} (build ${manifest.buildId}), ${plan.skipped.length} left to the app`,
    ...plan.skipped.map((route) => `  ${route.path}: ${route.reason}`),
  ];
  if (!options.out) {
    process.stdout.write(config);
    console.error(summary.join('\n'));
    return;
  }
  // nginx must never read a half-written file (a reload at the wrong moment): write, then rename.
  const out = path.resolve(options.out);
  await mkdir(path.dirname(out), { recursive: true });
  const partial = `${out}.${process.pid}.partial`;
  await writeFile(partial, config);
  await rename(partial, out);
  console.log([`Wrote ${out}.`, ...summary, options.full ? `Start: nginx -c ${out} -p ${path.resolve(options.prefix!)}` : 'Then: nginx -t && systemctl reload nginx'].join('\n'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
