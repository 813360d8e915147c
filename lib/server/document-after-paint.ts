import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { compress, isCompressibleType, ROUTE_EFFORT } from '../build/precompress';
import { loadScriptsAfterPage } from '../build/scripts-after-load';
import { chooseContentCoding } from './content-coding';
import { isKeptPage, withVary } from './response-policy';

/** A request for a page to show: a GET that accepts HTML, not one of Next's data requests. */
export function isPageRequest(request: IncomingMessage, dataRequest: boolean): boolean {
  return request.method === 'GET' && !dataRequest && (request.headers.accept ?? '').includes('text/html');
}

/**
 * A page Next renders per request (search, a filtered archive, the subscribe pages) gets what
 * the build gives every prerendered page: its framework scripts fetched after its first paint
 * (lib/build/scripts-after-load.ts; its payload stays inline, as it is the request's own). Next
 * streams such a page and compresses it itself, after any hook a server could add, so here Next
 * is asked for it uncompressed; the server holds the answer (a few tens of KB, rendered in
 * milliseconds), moves the scripts of an HTML answer, and compresses any text answer as the
 * client accepts (brotli or gzip, at the levels the build uses for pages).
 *
 * A page Next keeps after rendering it once (an archive month past the prerendered ones, see
 * lib/content/prerender-window.ts) comes back with the nonce of the request that rendered it:
 * that nonce is replaced by this response's (`nonce`); the request policy lets only the reader's
 * browser keep it.
 *
 * Call before handing the request to Next; `response` then sends what Next wrote once Next ends it.
 */
export function deferScriptsOfPage(request: IncomingMessage, response: ServerResponse, nonce?: string): void {
  const acceptEncoding = request.headers['accept-encoding'];
  delete request.headers['accept-encoding'];
  // Whatever the response had (the request policy's header wrapper among them) is put back to send.
  const own = { writeHead: response.writeHead, flushHeaders: response.flushHeaders, write: response.write, end: response.end };
  const chunks: Buffer[] = [];
  const take = (chunk: unknown, encoding: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : Buffer.from(chunk as Uint8Array));
  };
  const lastCallback = (args: unknown[]) => args.findLast((arg): arg is () => void => typeof arg === 'function');

  // Headers stay open until the body is known: its length and coding are decided at the end.
  response.writeHead = ((statusCode: number, ...rest: unknown[]) => {
    response.statusCode = statusCode;
    const headers = rest.find((arg) => typeof arg === 'object' && arg !== null) as OutgoingHttpHeaders | readonly string[] | undefined;
    if (Array.isArray(headers)) for (let index = 0; index + 1 < headers.length; index += 2) response.setHeader(headers[index]!, headers[index + 1]!);
    else if (headers) for (const [name, value] of Object.entries(headers)) if (value !== undefined) response.setHeader(name, value);
    return response;
  }) as ServerResponse['writeHead'];
  response.flushHeaders = () => {};
  response.write = ((chunk: unknown, ...rest: unknown[]) => {
    take(chunk, rest[0]);
    lastCallback(rest)?.();
    return true;
  }) as ServerResponse['write'];
  response.end = ((...args: unknown[]) => {
    take(args[0], args[1]);
    const callback = lastCallback(args);
    void finish(Buffer.concat(chunks)).then(
      (body) => {
        Object.assign(response, own);
        response.end(body, callback);
      },
      (error: unknown) => {
        console.error('server: a page could not be sent', error);
        response.destroy();
      },
    );
    return response;
  }) as ServerResponse['end'];

  async function finish(body: Buffer): Promise<Buffer> {
    const type = String(response.getHeader('content-type') ?? '');
    if (response.getHeader('content-encoding') || !isCompressibleType(type)) return withLength(body);
    const served = type.startsWith('text/html') ? pageAfterPaint(body, isKeptPage(response) ? nonce : undefined) : body;
    const coding = chooseContentCoding(acceptEncoding, ['br', 'gzip']);
    response.setHeader('vary', withVary(response.getHeader('vary'), 'Accept-Encoding'));
    if (coding === 'identity') return withLength(served);
    response.setHeader('content-encoding', coding);
    return withLength(await compress(served, coding, ROUTE_EFFORT));
  }

  function withLength(body: Buffer): Buffer {
    response.removeHeader('transfer-encoding');
    response.setHeader('content-length', body.length);
    return body;
  }
}

/**
 * The page with its scripts after its first paint when they carry a nonce (the loader takes
 * it). A kept page carries the nonce of the response it was rendered for, in its tags and in its
 * payload (props of the scripts React adds): given `nonce`, that one is replaced by it (a random
 * 128-bit value occurs nowhere else). Next's prerendered error pages, sent for a path it cannot
 * match, are allowed by their own hashes, which a loader added here would not have: left alone.
 */
function pageAfterPaint(body: Buffer, nonce?: string): Buffer {
  const page = loadScriptsAfterPage(body.toString('utf8'));
  if (page.nonce === undefined) return body;
  return Buffer.from(nonce && page.nonce !== nonce ? page.html.replaceAll(page.nonce, nonce) : page.html);
}
