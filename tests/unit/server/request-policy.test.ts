import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { applyRequestPolicy } from '@/lib/server/request-policy';
import { clientAddress } from '@/lib/subscribe/client-address';

let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A server that applies the request policy, then answers the address the rate limit would count. */
async function rateLimitKeyServer(trustProxy: number): Promise<number> {
  server = createServer((incoming, response) => {
    applyRequestPolicy(incoming, response, { trustProxy, staticRoutes: undefined });
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === 'string') headers.set(name, value);
    response.end(clientAddress(headers, trustProxy));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function keyFor(port: number, localAddress: string, headers: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, localAddress, headers, agent: false }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve(body));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('the address the rate limit counts', () => {
  it('is each connection’s own address without a trusted proxy, whatever X-Forwarded-For a client sends', async () => {
    const port = await rateLimitKeyServer(0);
    expect(await keyFor(port, '127.0.0.1')).toBe('127.0.0.1');
    expect(await keyFor(port, '127.0.0.2')).toBe('127.0.0.2');
    expect(await keyFor(port, '127.0.0.3', { 'x-forwarded-for': '203.0.113.9' })).toBe('127.0.0.3');
  });

  it('is the address the trusted proxy reports, and the connection’s own when a request reaches the instance without it', async () => {
    const port = await rateLimitKeyServer(1);
    expect(await keyFor(port, '127.0.0.1', { 'x-forwarded-for': '203.0.113.9' })).toBe('203.0.113.9');
    expect(await keyFor(port, '127.0.0.2')).toBe('127.0.0.2');
  });
});
