import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nginxUnavailableReason, testNginxConfig } from '@/deploy/local/nginx-process';
import { makeSelfSignedCertificate } from '@/deploy/local/tls';
import { NginxConfigError, planStaticRoutes, renderNginxConfig, renderNginxSite, type NginxConfigOptions } from '@/deploy/nginx-config';
import type { StaticRoutesManifest } from '@/lib/server/static-routes';
import { archiveManifest } from './archive-manifest';

const unavailable = nginxUnavailableReason();
if (unavailable) console.warn(`nginx -t tests SKIPPED: ${unavailable}`);

const CACHE = 'public, max-age=300';
const DEBIAN_NGINX_CONF = '/etc/nginx/nginx.conf';
const smallManifest: StaticRoutesManifest = {
  version: 1,
  buildId: 'small',
  commonHeaders: { 'x-content-type-options': 'nosniff' },
  routes: {
    '/mali': { file: 'server/app/mali.html', status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'self' 'sha256-a'", 'cache-control': CACHE, vary: 'rsc' } },
    '/mali/crisiswatch.csv': {
      file: 'server/app/mali/crisiswatch.csv.body',
      status: 200,
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'inline; filename="mali-crisiswatch.csv"', 'cache-control': CACHE },
    },
    '/mali/feed.xml': { file: 'server/app/mali/feed.xml.body', status: 200, headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': CACHE } },
    '/gone': { file: 'server/app/gone.html', status: 404, headers: { 'content-type': 'text/html' } },
    '/price$': { file: 'server/app/price$.html', status: 200, headers: { 'content-type': 'text/html' } },
    '/escape': { file: '../outside.html', status: 200, headers: { 'content-type': 'text/html' } },
  },
  errorPageScriptHashes: [],
};

describe('which routes nginx serves itself', () => {
  it('serves 200 routes whose path and file it can take literally, and leaves the rest to the app with a reason', () => {
    const plan = planStaticRoutes(smallManifest);
    expect(plan.served.map((route) => route.path)).toEqual(['/mali', '/mali/crisiswatch.csv', '/mali/feed.xml']);
    expect(plan.skipped.map((route) => route.path).sort()).toEqual(['/escape', '/gone', '/price$']);
    expect(plan.skipped.find((route) => route.path === '/gone')?.reason).toMatch(/status 404/);
    expect(plan.contentTypes).toEqual(['application/atom+xml; charset=utf-8', 'text/csv; charset=utf-8', 'text/html; charset=utf-8']);
    expect(plan.headerNames).toEqual(['cache-control', 'content-disposition', 'content-security-policy', 'vary']);
  });

  it('gives a header every route shares as the map default, and lists only the others', () => {
    const site = renderNginxSite({ manifest: smallManifest, distDir: '/srv/app/.next', upstreams: ['127.0.0.1:3001'], http: { listen: '80' }, accessLog: '/var/log/nginx/site.log' });
    expect(site).toMatch(/map \$cb_route \$cb_h_cache_control \{\n  default "public, max-age=300";\n\}/);
    expect(site).toContain('"/mali/crisiswatch.csv" "inline; filename=\\"mali-crisiswatch.csv\\"";');
  });
});

describe('the proxy part of the configuration', () => {
  const site = renderNginxSite({
    manifest: smallManifest,
    distDir: '/srv/app/.next',
    upstreams: ['127.0.0.1:3001', '127.0.0.1:3002'],
    http: { listen: '80' },
    https: { listen: '443', certificate: '/etc/ssl/site.pem', certificateKey: '/etc/ssl/site.key' },
    redirectHttpToHttps: true,
    accessLog: '/var/log/nginx/site.log',
  });
  const proxied = /location \/ \{\n\s*proxy_pass[\s\S]*?\n {2}\}/.exec(site)?.[0] ?? '';

  it("overwrites the client's X-Forwarded-For and never logs query strings", () => {
    expect(site).toContain('proxy_set_header X-Forwarded-For $remote_addr;');
    expect(site).not.toMatch(/\$proxy_add_x_forwarded_for/);
    expect(site).not.toMatch(/log_format[^;]*\$request[ "]/);
  });

  it('adds no header to what the app answers (the app sets its own)', () => {
    expect(proxied).toContain('proxy_pass http://crisis_briefings_app;');
    expect(proxied).not.toContain('add_header');
    expect(site).not.toMatch(/^ {2}add_header/m);
  });

  it('redirects plain http to https on a real server', () => {
    expect(site).toContain('return 301 https://$host$request_uri;');
  });

  it('refuses what it cannot write safely instead of writing a broken file', () => {
    expect(() => renderNginxSite({ manifest: smallManifest, distDir: '/srv', upstreams: [], http: { listen: '80' }, accessLog: '/x' })).toThrow(NginxConfigError);
    expect(() => renderNginxSite({ manifest: smallManifest, distDir: '/srv', upstreams: ['127.0.0.1:1; evil'], http: { listen: '80' }, accessLog: '/x' })).toThrow(/host:port/);
  });
});

describe.skipIf(unavailable)('nginx -t accepts the configuration', () => {
  let dir: string;
  let tls: { certificate: string; key: string };
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nginx-config-'));
    await Promise.all(['logs', 'temp', 'tls'].map((folder) => mkdir(path.join(dir, folder))));
    tls = await makeSelfSignedCertificate(path.join(dir, 'tls'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const options = (manifest: StaticRoutesManifest): NginxConfigOptions => ({
    manifest,
    distDir: '/srv/crisis-briefings/.next',
    upstreams: ['127.0.0.1:3001', '127.0.0.1:3002'],
    http: { listen: '127.0.0.1:8080' },
    https: { listen: '127.0.0.1:8443', certificate: tls.certificate, certificateKey: tls.key },
    prefix: dir,
  });

  async function check(name: string, config: string): Promise<{ ms: number; output: string }> {
    const file = path.join(dir, name);
    await writeFile(file, config);
    return testNginxConfig(file, dir);
  }

  it('for a small manifest', async () => {
    const result = await check('small.conf', renderNginxConfig(options(smallManifest)));
    expect(result.output).toContain('test is successful');
    expect(result.output).not.toContain('[warn]');
  });

  it.skipIf(!existsSync(DEBIAN_NGINX_CONF))("as a conf.d file inside Debian's own nginx.conf, TLS and redirect included", async () => {
    const site = renderNginxSite({
      ...options(smallManifest),
      http: { listen: '127.0.0.1:8080' },
      redirectHttpToHttps: true,
      serverName: 'briefings.example.org',
      acmeWebroot: '/var/www/acme',
      accessLog: path.join(dir, 'logs', 'site.log'),
    });
    await writeFile(path.join(dir, 'crisis-briefings.conf'), site);
    // The system's file as it is, but for what would touch the system (pid, logs) and other sites.
    const debian = (await readFile(DEBIAN_NGINX_CONF, 'utf8'))
      .replace(/^\s*pid .*$/m, `pid ${path.join(dir, 'nginx.pid')};`)
      .replace(/^\s*(error_log|access_log) .*$/gm, (_line, directive: string) => `${directive} ${path.join(dir, 'logs', `${directive}.log`)};`)
      .replace(/include \/etc\/nginx\/conf\.d\/\*\.conf;/, `include ${path.join(dir, 'crisis-briefings.conf')};`)
      .replace(/include \/etc\/nginx\/sites-enabled\/\*;/, '');
    const result = await check('debian.conf', debian);
    expect(result.output).toContain('test is successful');
    expect(result.output).not.toContain('[warn]');
  });

  it('for an archive-sized manifest of 12,000 routes, quickly and without a hash warning', async () => {
    const manifest = archiveManifest(12_000);
    expect(Object.keys(manifest.routes)).toHaveLength(12_000);
    const started = performance.now();
    const config = renderNginxConfig(options(manifest));
    const renderMs = performance.now() - started;
    const result = await check('archive.conf', config);
    console.info(`12,000 routes: config rendered in ${renderMs.toFixed(0)} ms (${(config.length / 1e6).toFixed(1)} MB), nginx -t in ${result.ms.toFixed(0)} ms`);
    expect(result.output).toContain('test is successful');
    // Hash sizes too small for the maps make nginx warn (and try every size up to the maximum).
    expect(result.output).not.toContain('[warn]');
    expect(result.ms).toBeLessThan(10_000);
  });
});
