import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { toWebRequest, writeWebResponse } from '@/lib/server/web-bridge';
import { BodyTooLargeError, readBodyBytes } from '@/lib/subscribe/read-request-body';

const LIMIT = 4 * 1024;
let server: Server | undefined;
let agent: Agent | undefined;

afterEach(async () => {
  agent?.destroy();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** The production server's bridge in front of a handler that takes at most LIMIT bytes, as the subscribe endpoint does. */
async function limitedServer(): Promise<number> {
  server = createServer({ requestTimeout: 30_000, headersTimeout: 15_000, keepAliveTimeout: 5_000 }, (incoming, response) => {
    void toWebRequest(incoming, LIMIT).then(async (webRequest) => {
      try {
        const body = await readBodyBytes(webRequest, LIMIT);
        await writeWebResponse(new Response(`got ${body.byteLength} bytes\n`), response, incoming);
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        await writeWebResponse(new Response(`The request body must be at most ${LIMIT} bytes.\n`, { status: 413 }), response, incoming);
      }
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

type Answer = { status: number; connection: string | undefined; body: string };

function post(port: number, body: Buffer, chunked: boolean): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (!chunked) headers['content-length'] = String(body.byteLength);
    const outgoing = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/subscribe', headers, agent }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, body: text }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    // Written in pieces, as a client uploading it does.
    for (let offset = 0; offset < body.byteLength; offset += 16 * 1024) outgoing.write(body.subarray(offset, offset + 16 * 1024));
    outgoing.end();
  });
}

describe('an oversized body', () => {
  for (const chunked of [false, true]) {
    it(`is answered a readable 413 that closes the connection, and the same client’s next request succeeds (${chunked ? 'chunked' : 'Content-Length'})`, async () => {
      const port = await limitedServer();
      agent = new Agent({ keepAlive: true, maxSockets: 1 });
      for (let round = 0; round < 10; round += 1) {
        const refused = await post(port, Buffer.alloc(512 * 1024, 'x'), chunked);
        expect(refused).toMatchObject({ status: 413, connection: 'close', body: expect.stringContaining('at most 4096 bytes') });
        expect(await post(port, Buffer.from('{"email":"a@example.org"}'), chunked)).toMatchObject({ status: 200, body: 'got 25 bytes\n' });
      }
    });
  }
});
