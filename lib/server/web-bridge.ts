import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The Web Request the handler takes, with the body read here first (a bridged stream cost more
 * than the handler itself): at most one byte over the limit, so the handler still answers 413
 * whatever the headers claimed; an upload that breaks off becomes a body that fails as it ends.
 */
export async function toWebRequest(request: IncomingMessage, maxBytes: number): Promise<Request> {
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

/** How long a request's unread body is still taken in (and dropped) after its answer, before the connection closes. */
const LINGER_MS = 5_000;

/**
 * Writes the handler's answer. When the handler answered before reading the whole body (413, or
 * a refusal that needed none of it), the connection cannot serve another request: the answer says
 * `Connection: close`, goes out at once, and the rest of the body is read and dropped before the
 * connection closes (for at most LINGER_MS). Closing while the client is still sending would reset
 * the connection, and the client would see ECONNRESET instead of the answer.
 */
export async function writeWebResponse(answer: Response, response: ServerResponse, request?: IncomingMessage): Promise<void> {
  const body = Buffer.from(await answer.arrayBuffer());
  const unread = request !== undefined && !request.complete;
  response.writeHead(answer.status, {
    ...Object.fromEntries(answer.headers),
    'content-length': String(body.byteLength),
    ...(unread ? { connection: 'close' } : {}),
  });
  if (!unread) {
    response.end(body);
    return;
  }
  response.write(body);
  await dropRestOf(request);
  response.end();
}

function dropRestOf(request: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    if (request.readableEnded || request.destroyed) return resolve();
    const timer = setTimeout(done, LINGER_MS);
    timer.unref();
    function done() {
      clearTimeout(timer);
      resolve();
    }
    request.once('end', done);
    request.once('close', done);
    request.resume();
  });
}
