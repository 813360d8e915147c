import http from 'node:http';
import https from 'node:https';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nginxUnavailableReason, startNginx, type NginxProcess } from '@/tests/support/deployment/nginx-process';
import { freePort } from '@/tests/support/deployment/ports';
import { makeSelfSignedCertificate } from '@/tests/support/deployment/tls';
import { writeLocalNginxConfig } from '@/tests/support/deployment/nginx-config';
import { CONTENT_CACHE_CONTROL as CACHE, ENCODING_VARY, PAGE_VARY, withVary } from '@/lib/server/response-policy';
import type { StaticRoutesManifest } from '@/lib/server/static-routes';

const unavailable = nginxUnavailableReason();
if (unavailable) console.warn(`nginx routing tests SKIPPED: ${unavailable}`);

/**
 * nginx from the shipped configuration (deploy/nginx/) and the routes generated from a build's manifest, for real, in front of a stand-in app that echoes what
 * it received: which requests nginx answers from the build, with which headers, and what reaches
 * the app.
 */
const CSP = "default-src 'self'; script-src 'self' 'sha256-abc='";
const VARY = withVary(PAGE_VARY, ENCODING_VARY);
const PAGE_HEADERS = { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP, 'cache-control': CACHE, vary: VARY };
const manifest: StaticRoutesManifest = {
  version: 1,
  buildId: 'routing',
  commonHeaders: { 'x-content-type-options': 'nosniff', 'referrer-policy': 'strict-origin-when-cross-origin' },
  routes: {
    '/mali': { file: 'server/app/mali.html', status: 200, headers: PAGE_HEADERS },
    '/mali/crisiswatch.csv': {
      file: 'server/app/mali/crisiswatch.csv.body',
      status: 200,
      headers: { 'content-type': 'text/csv; charset=utf-8; header=present', 'content-disposition': 'inline; filename="mali.csv"', 'cache-control': CACHE },
    },
    '/not-built': { file: 'server/app/not-built.html', status: 200, headers: PAGE_HEADERS },
  },
  errorPageScriptHashes: [],
};

const PAGE = `<!doctype html><title>Mali</title><p>the prerendered page</p>${'<p>More of the page, which compresses.</p>'.repeat(20)}`;
const SCRIPT = `console.log(1);${'console.log("more of the script");'.repeat(20)}`;

type Answer = { status: number; headers: Record<string, string[]>; body: string; bytes: Buffer };

/** Every header with all its values, so a header sent twice shows up as two. */
function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  const client = url.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = client.request(url, { method: options.method ?? 'GET', headers: options.headers, rejectUnauthorized: false, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const headers: Record<string, string[]> = {};
        for (let index = 0; index < response.rawHeaders.length; index += 2) {
          const name = response.rawHeaders[index]!.toLowerCase();
          (headers[name] ??= []).push(response.rawHeaders[index + 1]!);
        }
        const bytes = Buffer.concat(chunks);
        resolve({ status: response.statusCode ?? 0, headers, body: bytes.toString('utf8'), bytes });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

describe.skipIf(unavailable)('nginx in front of the app', () => {
  let dir: string;
  let nginx: NginxProcess | undefined;
  let app: http.Server;
  let appPort: number;
  let base: string;
  let secure: string;
  const seen: { method: string; url: string; headers: http.IncomingHttpHeaders }[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nginx-routing-'));
    const dist = path.join(dir, 'dist');
    await Promise.all(['dist/server/app/mali', 'dist/static/chunks', 'nginx/logs', 'nginx/temp', 'tls'].map((folder) => mkdir(path.join(dir, folder), { recursive: true })));
    await writeFile(path.join(dist, 'server/app/mali.html'), PAGE);
    await writeFile(path.join(dist, 'server/app/mali/crisiswatch.csv.body'), 'month,verdict\n2023-02,unchanged\n');
    await writeFile(path.join(dist, 'static/chunks/app.js'), SCRIPT);
    // The copies the build writes beside a file that compresses (lib/build/precompress.ts); none for the CSV.
    for (const [file, text] of [['server/app/mali.html', PAGE], ['static/chunks/app.js', SCRIPT]] as const) {
      await writeFile(path.join(dist, `${file}.br`), brotliCompressSync(text));
      await writeFile(path.join(dist, `${file}.gz`), gzipSync(text));
    }
    app = http.createServer((incoming, response) => {
      seen.push({ method: incoming.method ?? '', url: incoming.url ?? '', headers: incoming.headers });
      incoming.resume();
      response.setHeader('x-content-type-options', 'nosniff');
      response.setHeader('content-type', 'text/plain');
      response.end(`app: ${incoming.method} ${incoming.url}`);
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    appPort = (app.address() as AddressInfo).port;
    const [httpPort, httpsPort] = [await freePort(), await freePort()];
    base = `http://127.0.0.1:${httpPort}`;
    secure = `https://127.0.0.1:${httpsPort}`;
    const tls = await makeSelfSignedCertificate(path.join(dir, 'tls'));
    await writeFile(path.join(dist, 'BUILD_ID'), manifest.buildId);
    await writeFile(path.join(dist, 'static-routes.json'), JSON.stringify(manifest));
    const configFile = await writeLocalNginxConfig({
      prefix: path.join(dir, 'nginx'),
      distDir: dist,
      upstreams: [`127.0.0.1:${appPort}`],
      http: `127.0.0.1:${httpPort}`,
      https: { listen: `127.0.0.1:${httpsPort}`, certificate: tls.certificate, key: tls.key },
    });
    nginx = await startNginx(configFile, path.join(dir, 'nginx'));
  });

  afterAll(async () => {
    await nginx?.stop();
    await new Promise((resolve) => app?.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  const reachedApp = async (send: () => Promise<Answer>) => {
    const before = seen.length;
    const answer = await send();
    return { answer, reached: seen.length > before, last: seen.at(-1) };
  };

  it('answers a prerendered page itself with exactly its manifest headers plus the common ones', async () => {
    const { answer, reached } = await reachedApp(() => request(`${base}/mali`));
    expect(reached).toBe(false);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('the prerendered page');
    expect(answer.headers['content-type']).toEqual(['text/html; charset=utf-8']);
    expect(answer.headers['content-security-policy']).toEqual([CSP]);
    expect(answer.headers['cache-control']).toEqual([CACHE]);
    expect(answer.headers['x-content-type-options']).toEqual(['nosniff']);
    expect(answer.headers['referrer-policy']).toEqual(['strict-origin-when-cross-origin']);
    expect(answer.headers['content-disposition']).toBeUndefined();
  });

  it('answers HEAD too, and a data file with its own type and disposition', async () => {
    const head = await request(`${base}/mali`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-security-policy']).toEqual([CSP]);
    const csv = await request(`${base}/mali/crisiswatch.csv`);
    expect(csv.headers['content-type']).toEqual(['text/csv; charset=utf-8; header=present']);
    expect(csv.headers['content-disposition']).toEqual(['inline; filename="mali.csv"']);
    expect(csv.headers['content-security-policy']).toBeUndefined();
  });

  it("sends the build's brotli or gzip copy as the client accepts, with one Vary naming Accept-Encoding, and the file itself otherwise", async () => {
    const br = await request(`${base}/mali`, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toEqual(['br']);
    expect(brotliDecompressSync(br.bytes).toString()).toBe(PAGE);
    expect(br.headers['content-length']).toEqual([String(br.bytes.length)]);
    expect(br.headers.vary).toEqual([VARY]);
    expect(br.headers['content-security-policy']).toEqual([CSP]);
    expect(br.headers['content-type']).toEqual(['text/html; charset=utf-8']);
    const gzip = await request(`${base}/mali`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toEqual(['gzip']);
    expect(gunzipSync(gzip.bytes).toString()).toBe(PAGE);
    expect(gzip.headers.vary).toEqual([VARY]);
    const plain = await request(`${base}/mali`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(PAGE);
    expect(plain.headers.vary).toEqual([VARY]);
    const head = await request(`${base}/mali`, { method: 'HEAD', headers: { 'Accept-Encoding': 'br' } });
    expect(head.headers['content-encoding']).toEqual(['br']);
    expect(head.headers['content-length']).toEqual([String(br.bytes.length)]);
    expect(head.bytes.length).toBe(0);
  });

  it('compresses nothing on the fly: a file without copies is sent as it is', async () => {
    const csv = await request(`${base}/mali/crisiswatch.csv`, { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(csv.headers['content-encoding']).toBeUndefined();
    expect(csv.body).toBe('month,verdict\n2023-02,unchanged\n');
    expect(csv.headers.vary).toBeUndefined();
  });

  it("sends Next's assets' copies too, with Vary: Accept-Encoding", async () => {
    for (const [accepted, decode] of [['br', brotliDecompressSync], ['gzip', gunzipSync]] as const) {
      const asset = await request(`${base}/_next/static/chunks/app.js`, { headers: { 'Accept-Encoding': accepted } });
      expect(asset.headers['content-encoding']).toEqual([accepted]);
      expect(decode(asset.bytes).toString()).toBe(SCRIPT);
      expect(asset.headers.vary).toEqual(['Accept-Encoding']);
    }
    const plain = await request(`${base}/_next/static/chunks/app.js`);
    expect(plain.body).toBe(SCRIPT);
    expect(plain.headers.vary).toEqual(['Accept-Encoding']);
  });

  it('answers with the page, as Next itself would, a request with router headers or an `_rsc` query but no `RSC` header', async () => {
    for (const send of [
      () => request(`${base}/mali?_rsc=1x2y`),
      () => request(`${base}/mali`, { headers: { 'Next-Router-Prefetch': '1', 'Next-Router-State-Tree': '%5B%22%22%5D' } }),
      () => request(`${base}/mali?utm_source=newsletter`),
    ]) {
      const { answer, reached } = await reachedApp(send);
      expect(reached).toBe(false);
      expect(answer.body).toContain('the prerendered page');
      expect(answer.headers.vary).toEqual([VARY]);
    }
  });

  it("sends Next's data requests, other methods and unknown paths to the app", async () => {
    for (const send of [
      () => request(`${base}/mali`, { headers: { RSC: '1' } }),
      () => request(`${base}/mali?_rsc=1x2y`, { headers: { RSC: '1', 'Next-Router-Prefetch': '1' } }),
      () => request(`${base}/mali`, { method: 'POST', body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      () => request(`${base}/mali/crisiswatch/filter?verdict=improved`),
      () => request(`${base}/_prerendered/html/server/app/mali.html`),
    ]) {
      const { answer, reached } = await reachedApp(send);
      expect(reached).toBe(true);
      expect(answer.body).toMatch(/^app: /);
    }
  });

  it('asks the app, at the URL the client asked for, when a route in the manifest has no file in the build', async () => {
    const { answer, last } = await reachedApp(() => request(`${base}/not-built?x=1`));
    expect(answer.body).toBe('app: GET /not-built?x=1');
    expect(last?.url).toBe('/not-built?x=1');
  });

  it('serves Next assets as immutable, with their type', async () => {
    const asset = await request(`${base}/_next/static/chunks/app.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toEqual(['application/javascript']);
    expect(asset.headers['cache-control']).toEqual(['public, max-age=31536000, immutable']);
  });

  it("overwrites a client's forwarding headers and adds none of its own headers to the app's answer", async () => {
    const { answer, last } = await reachedApp(() => request(`${base}/api/health/live`, { headers: { 'X-Forwarded-For': '203.0.113.9', 'X-Real-IP': '203.0.113.9', 'X-Forwarded-Host': 'evil.example' } }));
    expect(last?.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(last?.headers['x-real-ip']).toBeUndefined();
    expect(last?.headers['x-forwarded-host']).toBe(new URL(base).host);
    expect(last?.headers['x-forwarded-proto']).toBe('http');
    expect(answer.headers['x-content-type-options']).toEqual(['nosniff']);
    expect(answer.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends HSTS over https only, and tells the app the scheme and the host with its port', async () => {
    const page = await request(`${secure}/mali`);
    expect(page.headers['strict-transport-security']).toEqual(['max-age=31536000; includeSubDomains']);
    expect((await request(`${base}/mali`)).headers['strict-transport-security']).toBeUndefined();
    const { last } = await reachedApp(() => request(`${secure}/api/health/live`));
    expect(last?.headers['x-forwarded-proto']).toBe('https');
    expect(last?.headers['x-forwarded-host']).toBe(new URL(secure).host);
  });

  it('while no instance answers: pages from the build still, a short 503 with Retry-After for the rest', async () => {
    await new Promise((resolve) => app.close(resolve));
    const page = await request(`${base}/mali`);
    expect(page.status).toBe(200);
    const dynamic = await request(`${base}/subscribe`);
    expect(dynamic.status).toBe(503);
    expect(dynamic.headers['retry-after']).toEqual(['30']);
    expect(dynamic.headers['content-type']).toEqual(['text/html; charset=utf-8']);
    expect(dynamic.body).toContain('temporarily unavailable');
    const api = await request(`${base}/api/subscribe`, { method: 'POST', headers: { Accept: 'application/json', 'content-type': 'application/json' }, body: '{}' });
    expect(api.status).toBe(503);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false });
  });
});
