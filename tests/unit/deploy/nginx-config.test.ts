import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderRouteMaps } from '@/deploy/nginx/route-maps';
import { ROUTE_HEADERS, SERVING_LOCATIONS } from '@/deploy/nginx/serving-locations';
import { planStaticRoutes } from '@/deploy/nginx/static-route-plan';
import { placeCertificate, relocate, SHIPPED_NGINX_DIR, writeModulesEnabled } from '@/tests/support/deployment/nginx-config';
import { nginxUnavailableReason, testNginxConfig } from '@/tests/support/deployment/nginx-process';
import { makeSelfSignedCertificate } from '@/tests/support/deployment/tls';
import { COMMON_HEADERS, CONTENT_CACHE_CONTROL as CACHE, ENCODING_VARY, HSTS, PAGE_VARY, withVary } from '@/lib/server/response-policy';
import type { StaticRoutesManifest } from '@/lib/server/static-routes';
import { archiveManifest } from './archive-manifest';

const unavailable = nginxUnavailableReason();
if (unavailable) console.warn(`nginx -t tests SKIPPED: ${unavailable}`);

const PAGE_CACHE_VARY = { 'cache-control': CACHE, vary: withVary(PAGE_VARY, ENCODING_VARY) };
const DEBIAN_NGINX_CONF = '/etc/nginx/nginx.conf';
const smallManifest: StaticRoutesManifest = {
  version: 1,
  buildId: 'small',
  commonHeaders: { 'x-content-type-options': 'nosniff' },
  routes: {
    '/mali': { file: 'server/app/mali.html', status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'self' 'sha256-a'", ...PAGE_CACHE_VARY } },
    '/uncompressed': { file: 'server/app/uncompressed.html', status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': CACHE, vary: PAGE_VARY } },
    '/kept-a-day': { file: 'server/app/kept-a-day.html', status: 200, headers: { 'content-type': 'text/html; charset=utf-8', ...PAGE_CACHE_VARY, 'cache-control': 'public, max-age=86400' } },
    '/mali/crisiswatch.csv': {
      file: 'server/app/mali/crisiswatch.csv.body',
      status: 200,
      headers: { 'content-type': 'text/csv; charset=utf-8; header=present', 'content-disposition': 'inline; filename="mali-crisiswatch.csv"', 'cache-control': CACHE },
    },
    '/mali/feed.xml': { file: 'server/app/mali/feed.xml.body', status: 200, headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': CACHE, vary: ENCODING_VARY } },
    '/gone': { file: 'server/app/gone.html', status: 404, headers: { 'content-type': 'text/html' } },
    '/price$': { file: 'server/app/price$.html', status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } },
    '/escape': { file: '../outside.html', status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } },
    '/model.glb': { file: 'server/app/model.glb.body', status: 200, headers: { 'content-type': 'model/gltf-binary' } },
    '/linked': { file: 'server/app/linked.html', status: 200, headers: { 'content-type': 'text/html; charset=utf-8', ...PAGE_CACHE_VARY, link: '</a.css>; rel=preload' } },
  },
  errorPageScriptHashes: [],
};

const shipped = (file: string) => readFile(path.join(SHIPPED_NGINX_DIR, file), 'utf8');

describe('which routes nginx serves itself', () => {
  it('serves 200 routes whose path, file, type and headers the shipped configuration can take, and leaves the rest to the app with a reason', () => {
    const plan = planStaticRoutes(smallManifest);
    expect(plan.served.map((route) => route.path)).toEqual(['/mali', '/mali/crisiswatch.csv', '/mali/feed.xml']);
    const reasons = Object.fromEntries(plan.skipped.map((route) => [route.path, route.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['/escape', '/gone', '/kept-a-day', '/linked', '/model.glb', '/price$', '/uncompressed']);
    expect(reasons['/gone']).toMatch(/status 404/);
    expect(reasons['/model.glb']).toMatch(/no location for its content type "model\/gltf-binary"/);
    expect(reasons['/linked']).toMatch(/does not add its link header/);
    // A page whose headers differ from what its location writes out for every page of the type.
    expect(reasons['/uncompressed']).toMatch(/its vary header is "rsc, .*next-router-segment-prefetch", where .*\/_prerendered\/html\/ location sends ".*, accept-encoding"/);
    expect(reasons['/kept-a-day']).toMatch(/its cache-control header is "public, max-age=86400", where/);
  });

  it('takes from maps only the headers that differ from route to route, and gives the commonest value as the default', () => {
    const maps = renderRouteMaps(planStaticRoutes(smallManifest), 'static-routes.json');
    expect(maps).not.toContain('$cb_h_cache_control');
    // A page's Vary is written out in its location: the map holds only the other types' routes.
    expect(maps).toMatch(/map \$cb_route \$cb_h_vary \{\n  default "";\n  "\/mali\/feed.xml" "accept-encoding";\n\}/);
    const withCopies = { ...smallManifest.routes['/mali/crisiswatch.csv']!, headers: { ...smallManifest.routes['/mali/crisiswatch.csv']!.headers, vary: ENCODING_VARY } };
    const twoWithCopies = renderRouteMaps(planStaticRoutes({ ...smallManifest, routes: { ...smallManifest.routes, '/mali/crisiswatch.csv': withCopies } }), 'static-routes.json');
    expect(twoWithCopies).toMatch(/map \$cb_route \$cb_h_vary \{\n  default "accept-encoding";\n\}/);
    // Only the CSV location reads a file name: its one route's is the default.
    expect(maps).toMatch(/map \$cb_route \$cb_h_content_disposition \{\n  default "inline; filename=\\"mali-crisiswatch.csv\\"";\n\}/);
    expect(maps).toContain('"/mali" "/_prerendered/html/server/app/mali.html";');
  });
});

describe('the shipped configuration files', () => {
  it("overwrites the client's X-Forwarded-For and never logs query strings", async () => {
    const [site, http] = await Promise.all([shipped('crisis-briefings/site.conf'), shipped('crisis-briefings/http.conf')]);
    expect(site).toContain('proxy_set_header X-Forwarded-For $remote_addr;');
    expect(site + http).not.toMatch(/\$proxy_add_x_forwarded_for/);
    expect(http).not.toMatch(/log_format[^;]*\$request[ "]/);
  });

  it('adds no header to what the app answers (the app sets its own)', async () => {
    const site = await shipped('crisis-briefings/site.conf');
    const proxied = /^location \/ \{[\s\S]*?^\}/m.exec(site)?.[0] ?? '';
    expect(proxied).toContain('proxy_pass http://crisis_briefings_app;');
    expect(proxied).not.toContain('add_header');
    expect(site).not.toMatch(/^add_header/m);
  });

  it('redirects plain http to https on a real server', async () => {
    expect(await shipped('crisis-briefings.conf')).toContain('return 301 https://$host$request_uri;');
  });

  it("adds the app's common headers and HSTS to nginx's own answers, the same values as the app", async () => {
    const own = await shipped('crisis-briefings/own-headers.conf');
    const added = [...own.matchAll(/^add_header (\S+) "?([^"]*?)"? always;$/gm)].map(([, name, value]) => [name!.toLowerCase(), value]);
    expect(Object.fromEntries(added)).toEqual({ ...COMMON_HEADERS, 'strict-transport-security': '$cb_hsts' });
    expect(await shipped('crisis-briefings/http.conf')).toContain(`https "${HSTS}";`);
  });

  it('has a location for every content type the route plan serves, sending exactly the headers the plan expects of it', async () => {
    const [site, prerendered] = await Promise.all([shipped('crisis-briefings/site.conf'), shipped('crisis-briefings/prerendered.conf')]);
    const headersOf = (body: string) => {
      const lines = [...body.matchAll(/^\s*add_header (\S+) (\$cb_h_\w+|"[^"]*");$/gm)].map(([, name, value]) => [name!.toLowerCase(), value!] as const);
      return {
        fixed: Object.fromEntries(lines.filter(([, value]) => value.startsWith('"')).map(([name, value]) => [name, value.slice(1, -1)])),
        perRoute: lines.filter(([name, value]) => value === `$cb_h_${name.replaceAll('-', '_')}`).map(([name]) => name),
      };
    };
    expect(prerendered).toContain('include /etc/nginx/crisis-briefings/own-headers.conf;');
    const shared = headersOf(prerendered);
    const locations = [...site.matchAll(/^location \^~ \/_prerendered\/(\w+)\/ \{\n {2}default_type "([^"]+)";\n([\s\S]*?)^\}/gm)].map(([, name, type, body]) => {
      expect(body, name).toContain('include /etc/nginx/crisis-briefings/prerendered.conf;');
      const own = headersOf(body!);
      return [type, { name, fixed: { ...shared.fixed, ...own.fixed }, perRoute: [...shared.perRoute, ...own.perRoute] }];
    });
    expect(Object.fromEntries(locations)).toEqual(SERVING_LOCATIONS);
    // Every header some location takes from a map has one in routes.conf.
    const maps = renderRouteMaps(planStaticRoutes(smallManifest), 'static-routes.json');
    for (const name of ROUTE_HEADERS) expect(maps).toContain(`map $cb_route $cb_h_${name.replaceAll('-', '_')} {`);
  });
});

describe('compression in the shipped configuration', () => {
  it("sends the build's brotli and gzip copies wherever files compress, and compresses nothing on the fly", async () => {
    const site = await shipped('crisis-briefings/site.conf');
    const locations = Object.fromEntries([...site.matchAll(/^location \^~ (\S+) \{\n([\s\S]*?)^\}/gm)].map(([, prefix, body]) => [prefix, body!]));
    for (const [prefix, body] of Object.entries(locations)) {
      if (!prefix.startsWith('/_prerendered/')) continue;
      if (prefix === '/_prerendered/png/') expect(body, prefix).not.toContain('compress.conf');
      else expect(body, prefix).toContain('include /etc/nginx/crisis-briefings/compress.conf;');
    }
    const compress = await shipped('crisis-briefings/compress.conf');
    for (const line of ['brotli_static on;', 'gzip_static on;', 'gzip off;', 'gzip_vary off;']) expect(compress).toContain(line);
    const assets = locations['/_next/static/']!;
    for (const line of ['brotli_static on;', 'gzip_static on;', 'gzip off;', 'gzip_vary on;']) expect(assets).toContain(line);
    expect(site + compress).not.toMatch(/^\s*gzip on;/m);
  });
});

describe.skipIf(unavailable)('nginx -t accepts the shipped configuration', () => {
  let dir: string;
  let roots: Record<string, string>;

  /** The shipped files with Debian's paths moved into `dir`, as installed on a real server (TLS, redirect, ACME). */
  async function install(routes: string, main: (conf: string) => Promise<string>): Promise<string> {
    const conf = path.join(dir, 'conf');
    await mkdir(path.join(conf, 'crisis-briefings'), { recursive: true });
    for (const file of await readdir(path.join(SHIPPED_NGINX_DIR, 'crisis-briefings'))) {
      await writeFile(path.join(conf, 'crisis-briefings', file), relocate(await shipped(path.join('crisis-briefings', file)), roots));
    }
    await writeFile(path.join(conf, 'crisis-briefings', 'routes.conf'), routes);
    await writeFile(path.join(conf, 'crisis-briefings.conf'), relocate(await shipped('crisis-briefings.conf'), roots));
    await writeModulesEnabled(conf);
    const file = path.join(conf, 'nginx.conf');
    await writeFile(file, await main(conf));
    return file;
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nginx-config-'));
    await Promise.all(['logs', 'temp', 'tls', 'acme'].map((folder) => mkdir(path.join(dir, folder))));
    const tls = await makeSelfSignedCertificate(path.join(dir, 'tls'));
    await placeCertificate(tls.certificate, tls.key, path.join(dir, 'letsencrypt'));
    roots = {
      '/etc/nginx/sites-enabled/*': path.join(dir, 'conf', 'crisis-briefings.conf'),
      '/etc/nginx/': `${path.join(dir, 'conf')}/`,
      '/etc/letsencrypt/live/briefings.example.org/': `${path.join(dir, 'letsencrypt')}/`,
      '/var/www/acme': path.join(dir, 'acme'),
      '/var/log/nginx/': `${path.join(dir, 'logs')}/`,
      '/var/lib/nginx/': `${path.join(dir, 'temp')}/`,
      '/run/nginx.pid': path.join(dir, 'nginx.pid'),
      '/srv/crisis-briefings/current/.next/': `${path.join(dir, 'build')}/`,
      'user www-data;': '',
    };
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const shippedMain = async () => relocate(await shipped('nginx.conf'), roots);

  it('as shipped, with the routes of a small build', async () => {
    const file = await install(renderRouteMaps(planStaticRoutes(smallManifest), 'static-routes.json'), shippedMain);
    const result = await testNginxConfig(file, dir);
    expect(result.output).toContain('test is successful');
    expect(result.output).not.toContain('[warn]');
  });

  it.skipIf(!existsSync(DEBIAN_NGINX_CONF))("as a site inside Debian's own nginx.conf", async () => {
    const debian = async (conf: string) =>
      // The system's file as it is, but for what would touch the system (pid, logs) and other sites.
      (await readFile(DEBIAN_NGINX_CONF, 'utf8'))
        .replace(/^\s*pid .*$/m, `pid ${path.join(dir, 'nginx.pid')};`)
        .replace(/^\s*(error_log|access_log) .*$/gm, (_line, directive: string) => `${directive} ${path.join(dir, 'logs', `${directive}.log`)};`)
        .replace(/include \/etc\/nginx\/conf\.d\/\*\.conf;/, '')
        .replace(/include \/etc\/nginx\/modules-enabled\/\*\.conf;/, `include ${path.join(conf, 'modules-enabled')}/*.conf;`)
        .replace(/include \/etc\/nginx\/sites-enabled\/\*;/, `include ${path.join(conf, 'crisis-briefings.conf')};`);
    const file = await install(renderRouteMaps(planStaticRoutes(smallManifest), 'static-routes.json'), debian);
    const result = await testNginxConfig(file, dir);
    expect(result.output).toContain('test is successful');
    expect(result.output).not.toContain('[warn]');
  });

  it('with the routes of an archive-sized build of 12,000 routes, quickly and without a hash warning', async () => {
    const manifest = archiveManifest(12_000);
    expect(Object.keys(manifest.routes)).toHaveLength(12_000);
    const started = performance.now();
    const plan = planStaticRoutes(manifest);
    const routes = renderRouteMaps(plan, 'static-routes.json');
    const renderMs = performance.now() - started;
    const result = await testNginxConfig(await install(routes, shippedMain), dir);
    console.info(`12,000 routes: routes.conf rendered in ${renderMs.toFixed(0)} ms (${(routes.length / 1e6).toFixed(1)} MB), nginx -t in ${result.ms.toFixed(0)} ms`);
    expect(result.output).toContain('test is successful');
    // Hash sizes too small for the maps make nginx warn (and try every size up to the maximum).
    expect(result.output).not.toContain('[warn]');
    expect(result.ms).toBeLessThan(10_000);
    expect(plan.skipped).toEqual([]);
  });
});
