import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { scriptsAddedAfterLoad } from '@/lib/build/scripts-after-load';
import { deferScriptsOfPage, isPageRequest } from '@/lib/server/document-after-paint';
import { applyRequestPolicy } from '@/lib/server/request-policy';

let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

const NONCE = 'bm9uY2Utb2YtdGhpcy1yZXF1ZXN0';
/** A search page as Next streams it: the head with the request's nonce on its scripts, then the body, in pieces. */
const RENDERED_PAGE = [
  '<!DOCTYPE html><html lang="en"><head><link rel="stylesheet" href="/_next/static/chunks/a.css"/>',
  `<script src="/_next/static/chunks/runtime.js" async="" nonce="${NONCE}"></script>`,
  `<script src="/_next/static/chunks/search.js" async="" nonce="${NONCE}"></script><title>Search</title></head>`,
  `<body><main><h1>Search</h1>${'<p>A result about the army.</p>'.repeat(50)}</main>`,
  `<script src="/_next/static/chunks/next-own.js" nonce="${NONCE}" async=""></script>`,
  `<script nonce="${NONCE}">(self.__next_f=self.__next_f||[]).push([0])</script></body></html>`,
];
/** Next's prerendered not-found page, sent for a path it cannot match: its scripts are allowed by their hashes, not a nonce. */
const PRERENDERED_ERROR_PAGE = '<!DOCTYPE html><html><head><script src="/_next/static/chunks/runtime.js" async=""></script></head><body><h1>Not found</h1></body></html>';

type Answer = (response: ServerResponse) => void;
const streamed =
  (chunks: readonly string[], status = 200): Answer =>
  (response) => {
    response.statusCode = status;
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.setHeader('vary', 'RSC, Next-Router-State-Tree');
    for (const chunk of chunks) response.write(chunk);
    response.end();
  };

/** A server that does what main.ts does: the request policy, then for a page request the deferral, then "Next" (`answer`), which records what it was asked. */
async function serverAnswering(answer: Answer, seen: IncomingHttpHeaders[] = []): Promise<number> {
  server = createServer((incoming: IncomingMessage, response) => {
    const facts = applyRequestPolicy(incoming, response, { trustProxy: 0, staticRoutes: undefined });
    if (isPageRequest(incoming, facts.dataRequest)) deferScriptsOfPage(incoming, response, facts.nonce);
    seen.push({ ...incoming.headers });
    answer(response);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function get(port: number, path: string, headers: Record<string, string>, method = 'GET'): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path, headers, method, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

const BROWSER = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'accept-encoding': 'gzip, deflate, br, zstd' };

describe('a page rendered per request', () => {
  it('reaches the reader with its scripts after its first paint, loaded under its nonce, compressed as the browser asked', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const port = await serverAnswering(streamed(RENDERED_PAGE), seen);
    const answer = await get(port, '/search?q=army', BROWSER);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers.vary).toBe('RSC, Next-Router-State-Tree, Accept-Encoding');
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(answer.headers['content-security-policy']).toContain(`'nonce-`);
    const html = brotliDecompressSync(answer.body).toString('utf8');
    expect(html).not.toMatch(/<script src="[^"]*" async/);
    expect(scriptsAddedAfterLoad(html)).toEqual(['/_next/static/chunks/runtime.js', '/_next/static/chunks/search.js', '/_next/static/chunks/next-own.js']);
    expect(html).toContain(`<script nonce="${NONCE}">(function(s)`);
    // The payload is this request's own: it stays in the page.
    expect(html).toContain('(self.__next_f=self.__next_f||[]).push([0])');
    expect(html).toContain('<h1>Search</h1>');
    // Next was asked for the page uncompressed, so there is something to change.
    expect(seen[0]?.['accept-encoding']).toBeUndefined();
  });

  it('is sent gzip-compressed or as it is to clients that ask for that', async () => {
    const port = await serverAnswering(streamed(RENDERED_PAGE));
    const gzipped = await get(port, '/search?q=army', { ...BROWSER, 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(scriptsAddedAfterLoad(gunzipSync(gzipped.body).toString('utf8'))).toHaveLength(3);
    const plain = await get(port, '/search?q=army', { accept: 'text/html' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(scriptsAddedAfterLoad(plain.body.toString('utf8'))).toHaveLength(3);
    expect(Number(plain.headers['content-length'])).toBe(plain.body.length);
  });

  it("leaves Next's prerendered error page as it is (its hashes allow its scripts), still compressed, with its status", async () => {
    const port = await serverAnswering(streamed([PRERENDERED_ERROR_PAGE], 404));
    const answer = await get(port, '/no-such-page', BROWSER);
    expect(answer.status).toBe(404);
    expect(brotliDecompressSync(answer.body).toString('utf8')).toBe(PRERENDERED_ERROR_PAGE);
  });

  it('leaves alone what is not a request for a page: a data request, a JSON answer, a HEAD', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const port = await serverAnswering(streamed(RENDERED_PAGE), seen);
    const data = await get(port, '/search?q=army', { ...BROWSER, rsc: '1' });
    expect(seen[0]?.['accept-encoding']).toBe(BROWSER['accept-encoding']);
    expect(data.body.toString('utf8')).toBe(RENDERED_PAGE.join(''));
    const json = await get(port, '/api/subscribe', { accept: 'application/json', 'accept-encoding': 'br' });
    expect(seen[1]?.['accept-encoding']).toBe('br');
    expect(json.headers['content-encoding']).toBeUndefined();
  });

  it('sends a page Next kept from an earlier request under this response’s nonce, for the reader’s browser alone to keep', async () => {
    // An archive month rendered on its first request: Next keeps the HTML, with that request's nonce in its tags and payload.
    const EARLIER = 'ZWFybGllci1yZXF1ZXN0cy1ub25jZQ==';
    const kept = RENDERED_PAGE.map((chunk) => chunk.replaceAll(NONCE, EARLIER)).concat(`<script nonce="${EARLIER}">self.__next_f.push([1,"{\\"nonce\\":\\"${EARLIER}\\"}"])</script>`);
    const port = await serverAnswering((response) => {
      response.setHeader('x-nextjs-cache', 'HIT');
      response.setHeader('x-nextjs-prerender', '1');
      response.setHeader('cache-control', 's-maxage=31536000');
      streamed(kept)(response);
    });
    const answers = [await get(port, '/ruritania/crisiswatch/2006-03', BROWSER), await get(port, '/ruritania/crisiswatch/2006-03', BROWSER)];
    const nonces = answers.map((answer) => /'nonce-([^']+)'/.exec(String(answer.headers['content-security-policy']))?.[1]);
    expect(nonces[0]).toBeTruthy();
    expect(nonces[1]).not.toBe(nonces[0]);
    answers.forEach((answer, index) => {
      const html = brotliDecompressSync(answer.body).toString('utf8');
      expect(html).not.toContain(EARLIER);
      // Every script tag, the loader's too, and the payload's props carry this response's nonce.
      expect(html.match(/<script nonce="([^"]+)"/g)?.every((tag) => tag.includes(nonces[index]!))).toBe(true);
      expect(html).toContain(`\\"nonce\\":\\"${nonces[index]}\\"`);
      expect(scriptsAddedAfterLoad(html)).toHaveLength(3);
      expect(answer.headers['cache-control']).toBe('private, max-age=300');
      expect(Object.keys(answer.headers).filter((name) => name.startsWith('x-nextjs-'))).toEqual([]);
    });
    // A HEAD is answered by Next directly: the same caching.
    const head = await get(port, '/ruritania/crisiswatch/2006-03', BROWSER, 'HEAD');
    expect(head.headers['cache-control']).toBe('private, max-age=300');
  });

  it('answers a page that Next ends with an explicit head, as its redirects do', async () => {
    const port = await serverAnswering((response) => {
      response.writeHead(307, { location: '/fr/search?q=arm%C3%A9e', 'content-type': 'text/plain' });
      response.end('/fr/search?q=arm%C3%A9e');
    });
    const answer = await get(port, '/search?q=arm%C3%A9e', BROWSER);
    expect(answer.status).toBe(307);
    expect(answer.headers.location).toBe('/fr/search?q=arm%C3%A9e');
    expect(brotliDecompressSync(answer.body).toString('utf8')).toBe('/fr/search?q=arm%C3%A9e');
  });
});
