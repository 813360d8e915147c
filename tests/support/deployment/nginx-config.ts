import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeNginxRoutes } from '../../../deploy/render-nginx-routes';
import { REPO_ROOT } from './app-instance';
import { BROTLI_STATIC_MODULE } from './nginx-process';

/** The shipped configuration: ordinary files an operator copies to /etc/nginx. */
export const SHIPPED_NGINX_DIR = path.join(REPO_ROOT, 'deploy', 'nginx');

export class LocalNginxConfigError extends Error {
  override name = 'LocalNginxConfigError';
}

/**
 * The shipped files name Debian's paths; nginx run as a process of its own uses the same files
 * with each of those roots moved under its prefix, as an operator would edit them. Anything left
 * pointing at the system is refused, so a new path in the shipped files cannot reach /etc or /var.
 */
export function relocate(text: string, roots: Record<string, string>): string {
  let moved = text;
  for (const [from, to] of Object.entries(roots)) moved = moved.replaceAll(from, to);
  const left = /(?:^|[\s'"])(\/(?:etc|var|run|srv)\/\S*)/m.exec(moved.replace(/^\s*#.*$/gm, ''));
  if (left) throw new LocalNginxConfigError(`the shipped nginx configuration names a system path this copy does not move: ${left[1]}`);
  return moved;
}

export interface LocalNginxOptions {
  /** nginx's prefix: conf/, logs/, temp/ and the pid file go here. */
  prefix: string;
  distDir: string;
  /** The app instances, host:port. */
  upstreams: string[];
  /** Listen values: plain http serves the site too (no redirect), https with the given certificate. */
  http: string;
  https: { listen: string; certificate: string; key: string };
  /** Overrides the shipped fail_timeout of each instance (seconds). */
  failTimeoutSeconds?: number;
}

const SITE_FILE = 'crisis-briefings.conf';

/** The shipped `server` parameters of an instance (max_fails, fail_timeout…). */
async function instanceParameters(failTimeoutSeconds: number | undefined): Promise<string> {
  const shipped = await readFile(path.join(SHIPPED_NGINX_DIR, SITE_FILE), 'utf8');
  const parameters = /^\s*server 127\.0\.0\.1:\d+ ([^;]*);$/m.exec(shipped)?.[1];
  if (parameters === undefined) throw new LocalNginxConfigError(`no instance (server 127.0.0.1:PORT …;) in deploy/nginx/${SITE_FILE}`);
  return failTimeoutSeconds === undefined ? parameters : parameters.replace(/fail_timeout=\S+/, `fail_timeout=${failTimeoutSeconds}s`);
}

/**
 * Writes nginx.conf under `prefix/conf/` from the shipped files (nginx.conf, crisis-briefings/,
 * the build's routes.conf), with one site of its own instead of crisis-briefings.conf: its own
 * ports and certificate, and plain http serving the site instead of redirecting. Returns the
 * main file, for `nginx -c`.
 */
export async function writeLocalNginxConfig(options: LocalNginxOptions): Promise<string> {
  const prefix = path.resolve(options.prefix);
  const conf = path.join(prefix, 'conf');
  const roots = {
    '/etc/nginx/sites-enabled/*': path.join(conf, SITE_FILE),
    '/etc/nginx/': `${conf}/`,
    '/var/log/nginx/': `${path.join(prefix, 'logs')}/`,
    '/var/lib/nginx/': `${path.join(prefix, 'temp')}/`,
    '/run/nginx.pid': path.join(prefix, 'nginx.pid'),
    '/srv/crisis-briefings/current/.next/': `${path.resolve(options.distDir)}/`,
    // As root, workers would otherwise run as nobody, who may not read the build folder; as
    // anyone else, nginx cannot switch users at all.
    'user www-data;': process.getuid?.() === 0 ? 'user root;' : '',
  };
  await Promise.all(['crisis-briefings', 'logs', 'temp'].map((folder) => mkdir(folder === 'crisis-briefings' ? path.join(conf, folder) : path.join(prefix, folder), { recursive: true })));
  const shippedParts = path.join(SHIPPED_NGINX_DIR, 'crisis-briefings');
  for (const file of await readdir(shippedParts)) {
    if (file.endsWith('.conf')) await writeFile(path.join(conf, 'crisis-briefings', file), relocate(await readFile(path.join(shippedParts, file), 'utf8'), roots));
  }
  await writeNginxRoutes(options.distDir, path.join(conf, 'crisis-briefings', 'routes.conf'));
  await writeModulesEnabled(conf);
  const parameters = await instanceParameters(options.failTimeoutSeconds);
  const part = (file: string) => path.join(conf, 'crisis-briefings', file);
  await writeFile(
    path.join(conf, SITE_FILE),
    [
      `include ${part('http.conf')};`,
      'upstream crisis_briefings_app {',
      ...options.upstreams.map((address) => `  server ${address} ${parameters};`),
      `  include ${part('upstream.conf')};`,
      '}',
      'server {',
      `  listen ${options.http};`,
      `  listen ${options.https.listen} ssl http2;`,
      '  server_name _;',
      `  ssl_certificate ${options.https.certificate};`,
      `  ssl_certificate_key ${options.https.key};`,
      `  include ${part('tls.conf')};`,
      `  include ${part('site.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  const main = path.join(conf, 'nginx.conf');
  await writeFile(main, relocate(await readFile(path.join(SHIPPED_NGINX_DIR, 'nginx.conf'), 'utf8'), roots));
  return main;
}

/**
 * `<conf>/modules-enabled/`, which the shipped nginx.conf includes as Debian's: the brotli_static
 * module, by absolute path (Debian's own line is relative to a prefix this copy moves).
 */
export async function writeModulesEnabled(conf: string): Promise<string> {
  const dir = path.join(conf, 'modules-enabled');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, '50-mod-http-brotli-static.conf'), `load_module ${BROTLI_STATIC_MODULE};\n`);
  return dir;
}

/** Copies a certificate pair to where the shipped crisis-briefings.conf expects Let's Encrypt's. */
export async function placeCertificate(certificate: string, key: string, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await copyFile(certificate, path.join(dir, 'fullchain.pem'));
  await copyFile(key, path.join(dir, 'privkey.pem'));
}
