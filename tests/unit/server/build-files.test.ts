import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressFile, ROUTE_EFFORT } from '@/lib/build/precompress';
import { createBuildFileServer } from '@/lib/server/build-files';
import { applyRequestPolicy } from '@/lib/server/request-policy';
import type { StaticRoutesManifest } from '@/lib/server/static-routes';

/**
 * The production server's own answers from a build folder (lib/server/build-files.ts), behind the
 * request policy as in lib/server/main.ts, on a real HTTP server; whatever it does not answer is
 * "Next", a stand-in that says so.
 */
const CSP = "default-src 'self'; script-src 'self' 'sha256-abc='";
const CACHE = 'public, max-age=300';
const PAGE = `<!doctype html><title>Mali</title>${Array.from({ length: 300 }, (_, index) => `<p>Paragraph ${index}: détérioration</p>`).join('')}`;
const SCRIPT = `self.x=1;${'console.log("a line of the script");'.repeat(50)}`;
const CSV = 'month,verdict\n2023-02,unchanged\n';
const manifest: StaticRoutesManifest = {
  version: 1,
  buildId: 'test',
  commonHeaders: {},
  routes: {
    '/mali': { file: 'server/app/en/mali.html', status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP, 'cache-control': CACHE, vary: 'rsc, accept-encoding' } },
    '/mali/crisiswatch.csv': { file: 'server/app/en/mali/crisiswatch.csv.body', status: 200, headers: { 'content-type': 'text/csv; charset=utf-8; header=present', 'cache-control': CACHE } },
    '/gone': { file: 'server/app/en/gone.html', status: 404, headers: { 'content-type': 'text/html; charset=utf-8' } },
    '/not-built': { file: 'server/app/en/not-built.html', status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } },
  },
  errorPageScriptHashes: [],
};

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; bytes: Buffer };

let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'build-files-'));
  const files: Record<string, string> = { 'server/app/en/mali.html': PAGE, 'server/app/en/mali/crisiswatch.csv.body': CSV, 'server/app/en/gone.html': PAGE, 'static/chunks/app.js': SCRIPT, 'static/media/font.woff2': 'wOF2' };
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  for (const name of ['server/app/en/mali.html', 'static/chunks/app.js']) await precompressFile(path.join(dir, name), ROUTE_EFFORT);
  const buildFiles = createBuildFileServer(dir, manifest);
  server = createServer((incoming, response) => {
    const facts = applyRequestPolicy(incoming, response, { trustProxy: 0, staticRoutes: manifest });
    const next = () => void response.writeHead(299, { 'content-type': 'text/plain' }).end(`next: ${incoming.method} ${incoming.url}`);
    if (!buildFiles.serve(incoming, response, facts, next)) next();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

function get(pathname: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${base}${pathname}`, { method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes: Buffer.concat(chunks) }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

const decoded = (answer: Answer) =>
  (answer.headers['content-encoding'] === 'br' ? brotliDecompressSync(answer.bytes) : answer.headers['content-encoding'] === 'gzip' ? gunzipSync(answer.bytes) : answer.bytes).toString();

describe('a prerendered page from the build', () => {
  it('comes as brotli to a browser, gzip to a gzip-only client, as it is otherwise: the same page each time', async () => {
    const cases: [Record<string, string>, string | undefined][] = [
      [{ 'accept-encoding': 'gzip, deflate, br, zstd' }, 'br'],
      [{ 'accept-encoding': 'gzip' }, 'gzip'],
      [{ 'accept-encoding': 'br;q=0, gzip' }, 'gzip'],
      [{}, undefined],
      [{ 'accept-encoding': 'identity;q=0' }, undefined],
      [{ 'accept-encoding': 'deflate' }, undefined],
    ];
    for (const [headers, encoding] of cases) {
      const answer = await get('/mali', headers);
      const label = JSON.stringify(headers);
      expect(answer.status, label).toBe(200);
      expect(answer.headers['content-encoding'], label).toBe(encoding);
      expect(decoded(answer), label).toBe(PAGE);
      expect(answer.headers['content-length'], label).toBe(String(answer.bytes.length));
      expect(answer.headers['content-type'], label).toBe('text/html; charset=utf-8');
      expect(answer.headers['content-security-policy'], label).toBe(CSP);
      expect(answer.headers['cache-control'], label).toBe(CACHE);
      expect(answer.headers.vary, label).toBe('rsc, accept-encoding');
      expect(answer.headers['x-content-type-options'], label).toBe('nosniff');
    }
  });

  it('answers HEAD with the headers of the same GET and no body', async () => {
    const [head, full] = await Promise.all([get('/mali', { 'accept-encoding': 'br' }, 'HEAD'), get('/mali', { 'accept-encoding': 'br' })]);
    expect(head.bytes.length).toBe(0);
    expect(head.headers['content-length']).toBe(String(full.bytes.length));
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.headers.etag).toBe(full.headers.etag);
  });

  it("answers 304 to a browser revalidating the copy it has, with the page's own CSP and caching", async () => {
    const first = await get('/mali', { 'accept-encoding': 'gzip, br' });
    const gzip = await get('/mali', { 'accept-encoding': 'gzip' });
    expect(first.headers.etag).not.toBe(gzip.headers.etag);
    const again = await get('/mali', { 'accept-encoding': 'gzip, br', 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.bytes.length).toBe(0);
    expect(again.headers['content-security-policy']).toBe(CSP);
    expect(again.headers['cache-control']).toBe(CACHE);
    expect(again.headers.vary).toBe('rsc, accept-encoding');
    expect(again.headers.etag).toBe(first.headers.etag);
    // Another encoding's tag is another representation.
    expect((await get('/mali', { 'accept-encoding': 'gzip, br', 'if-none-match': `W/${String(gzip.headers.etag)}` })).status).toBe(200);
    expect((await get('/mali', { 'if-modified-since': new Date(Date.now() + 60_000).toUTCString() })).status).toBe(304);
    expect((await get('/mali', { 'if-modified-since': 'Thu, 01 Jan 1970 00:00:00 GMT' })).status).toBe(200);
  });

  it('sends a file without copies as it is, whatever the client accepts', async () => {
    const csv = await get('/mali/crisiswatch.csv', { 'accept-encoding': 'gzip, br' });
    expect(csv.headers['content-encoding']).toBeUndefined();
    expect(csv.bytes.toString()).toBe(CSV);
    expect(csv.headers.vary).toBeUndefined();
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
  });

  it('reads a percent-encoded path as nginx does', async () => {
    expect(decoded(await get('/m%61li', { 'accept-encoding': 'br' }))).toBe(PAGE);
  });

  it('answers with the page, as Next itself would, a request with router headers or an `_rsc` query but no `RSC` header', async () => {
    for (const [pathname, headers] of [
      ['/mali?_rsc=1x2y', { 'accept-encoding': 'br' }],
      ['/mali', { 'accept-encoding': 'br', 'next-router-prefetch': '1', 'next-router-state-tree': '%5B%22%22%5D' }],
    ] as const) {
      const answer = await get(pathname, headers);
      expect(answer.status, `${pathname} ${JSON.stringify(headers)}`).toBe(200);
      expect(decoded(answer)).toBe(PAGE);
    }
  });
});

describe('what stays with Next', () => {
  it("Next's data requests, other methods, other statuses, a trailing slash, unknown paths, and a route whose file is missing", async () => {
    for (const [pathname, headers, method] of [
      ['/mali', { rsc: '1' }, 'GET'],
      ['/mali?_rsc=1x2y', { rsc: '1', 'next-router-prefetch': '1' }, 'GET'],
      ['/mali', {}, 'POST'],
      ['/gone', {}, 'GET'],
      ['/mali/', {}, 'GET'],
      ['/nowhere', {}, 'GET'],
      ['/not-built', {}, 'GET'],
    ] as const) {
      const answer = await get(pathname, headers, method);
      expect(answer.status, `${method} ${pathname} ${JSON.stringify(headers)}`).toBe(299);
    }
  });

  it('assets that do not compress, and any asset path that is not a plain name inside the folder', async () => {
    for (const pathname of ['/_next/static/media/font.woff2', '/_next/static/chunks/missing.js', '/_next/static/%2e%2e/server/app/en/mali.html', '/_next/static/chunks//app.js', '/_next/static/chunks%5capp.js']) {
      expect((await get(pathname, { 'accept-encoding': 'br' })).status, pathname).toBe(299);
    }
  });
});

describe("Next's compressible assets", () => {
  it('come as brotli or gzip with Vary: Accept-Encoding and a year of caching', async () => {
    for (const [accepted, encoding] of [['gzip, br', 'br'], ['gzip', 'gzip'], ['', undefined]] as const) {
      const asset = await get('/_next/static/chunks/app.js', accepted ? { 'accept-encoding': accepted } : {});
      expect(asset.status).toBe(200);
      expect(asset.headers['content-encoding']).toBe(encoding);
      expect(decoded(asset)).toBe(SCRIPT);
      expect(asset.headers.vary).toBe('Accept-Encoding');
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(asset.headers['content-type']).toBe('application/javascript; charset=UTF-8');
    }
  });
});
