/**
 * Reads a request body as text, refusing bodies over `maxBytes` whatever the Content-Length
 * header claims: the stream is counted as it arrives, so a lying client cannot make the
 * server buffer more.
 */
export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The request body is larger than ${maxBytes} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** The client stopped sending (aborted or reset the upload) before the body was complete. */
export class BodyIncompleteError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('the request body ended before it was complete (the client aborted the upload)', options);
    this.name = 'BodyIncompleteError';
  }
}

export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  return new TextDecoder('utf-8', { fatal: true }).decode(await readBodyBytes(request, maxBytes));
}

export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyTooLargeError(maxBytes);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read().catch((error: unknown) => {
      throw new BodyIncompleteError({ cause: error });
    });
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return concat(chunks, total);
}

function concat(chunks: Uint8Array[], total: number): Uint8Array<ArrayBuffer> {
  const all = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all;
}
