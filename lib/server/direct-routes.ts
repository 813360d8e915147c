import type { IncomingMessage, ServerResponse } from 'node:http';
import { SUBSCRIBE_API_PATH } from '../paths';
import { MAX_BODY_BYTES } from '../subscribe/handle-subscribe-request';
import { answerSubscribe } from '../subscribe/subscribe-endpoint';

/**
 * Endpoints the server answers itself, without Next's router: POST /api/subscribe, the one
 * endpoint that takes writes at rate. Next spends ≈1.4 ms of CPU on even a trivial route here
 * (npm run bench), which would cap subscriptions near 700 a second per instance whatever the
 * database does. The handler is the same one the Next route uses in development.
 */
export function serveDirectly(request: IncomingMessage, response: ServerResponse, pathname: string): boolean {
  if (request.method !== 'POST' || pathname !== SUBSCRIBE_API_PATH) return false;
  void toWebRequest(request, MAX_BODY_BYTES)
    .then(answerSubscribe)
    .then(
      (answer) => writeWebResponse(answer, response),
      (error: unknown) => {
        console.error('subscribe: unexpected failure', error);
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('Something went wrong on our side.\n');
      },
    );
  return true;
}

/**
 * The Web Request the handler takes, with the body read here first (a bridged stream cost more
 * than the handler itself): at most one byte over the limit, so the handler still answers 413
 * whatever the headers claimed; an upload that breaks off becomes a body that fails as it ends.
 */
async function toWebRequest(request: IncomingMessage, maxBytes: number): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
  }
  const { bytes, broken } = await readUpTo(request, maxBytes + 1);
  const body = broken
    ? new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes);
          controller.error(broken);
        },
      })
    : bytes;
  // Only the path matters to the handler; the host it was reached at is in the headers.
  return new Request(new URL(request.url ?? '/', 'http://localhost'), { method: request.method, headers, body, duplex: 'half' } as RequestInit & { duplex: 'half' });
}

function readUpTo(stream: IncomingMessage, limit: number): Promise<{ bytes: Uint8Array<ArrayBuffer>; broken?: Error }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const done = (broken?: Error) => {
      if (settled) return;
      settled = true;
      stream.off('data', onData);
      const all = Buffer.concat(chunks, Math.min(total, limit));
      resolve({ bytes: new Uint8Array(all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength)), broken });
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      total += chunk.byteLength;
      if (total >= limit) {
        stream.pause();
        done();
      }
    };
    stream.on('data', onData);
    stream.once('end', () => done());
    stream.once('aborted', () => done(new Error('aborted')));
    stream.once('error', (error) => done(error));
  });
}

async function writeWebResponse(answer: Response, response: ServerResponse): Promise<void> {
  const body = Buffer.from(await answer.arrayBuffer());
  response.writeHead(answer.status, { ...Object.fromEntries(answer.headers), 'content-length': String(body.byteLength) });
  response.end(body);
}
