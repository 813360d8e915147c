import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';

export type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string; ms: number };

/**
 * One HTTP request with every header under the test's control (fetch will not send a Host or
 * Origin of the test's choosing), bounded in time so a hung server fails the test instead of
 * hanging it.
 */
export function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; timeoutMs?: number; localAddress?: string } = {},
): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    // A connection of its own (no agent): concurrent requests are concurrent on the wire.
    const request = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers, timeout: options.timeoutMs ?? 30_000, agent: false, localAddress: options.localAddress }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`no answer from ${options.method ?? 'GET'} ${url} within ${options.timeoutMs ?? 30_000} ms`)));
    request.on('error', reject);
    request.end(options.body);
  });
}

/** A JSON subscription, as the form sends it with JavaScript on (from `localAddress`, another loopback address, to be another client). */
export function subscribe(siteUrl: string, email: string, headers: Record<string, string> = {}, timeoutMs?: number, localAddress?: string): Promise<Answer> {
  const body = JSON.stringify({ email, country: 'mali' });
  return send(`${siteUrl}/api/subscribe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: siteUrl, 'content-length': String(Buffer.byteLength(body)), ...headers },
    body,
    timeoutMs,
    localAddress,
  });
}

/**
 * Sends a request's head and part of its body over a raw socket, then gives up on it the way a
 * flaky client does: `end` half-closes (the server can still answer), `reset` tears it down.
 * Resolves with whatever the server answered, if anything.
 */
export function abortedUpload(port: number, path: string, how: 'end' | 'reset'): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('error', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.on('connect', () => {
      socket.write(
        [`POST ${path} HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Content-Type: application/json', `Origin: http://127.0.0.1:${port}`, 'Content-Length: 4000', '', '{"email":"half'].join('\r\n'),
      );
      setTimeout(() => (how === 'end' ? socket.end() : socket.resetAndDestroy()), 200);
    });
    setTimeout(() => {
      socket.destroy();
      resolve(answer);
    }, 10_000);
  });
}
