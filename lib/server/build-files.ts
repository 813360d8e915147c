import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { chooseContentCoding } from './content-coding';
import { CompressedFiles, type Encoded } from './compressed-files';
import type { RequestFacts } from './request-policy';
import type { StaticRoutesManifest } from './static-routes';

/** Next's hashed assets change name with their content: a year is safe (as Next and nginx send). */
export const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';
const ASSET_PREFIX = '/_next/static/';
/** The assets the build compresses, with the types Next sends them with; any other asset is Next's to serve. */
const ASSET_TYPES: Readonly<Record<string, string>> = {
  '.js': 'application/javascript; charset=UTF-8',
  '.mjs': 'application/javascript; charset=UTF-8',
  '.css': 'text/css; charset=UTF-8',
  '.json': 'application/json; charset=UTF-8',
  '.map': 'application/json; charset=UTF-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=UTF-8',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};
/** Room for the bodies most recently sent: a few thousand compressed pages. */
const CACHE_BYTES = 32 * 1024 * 1024;

type Target = { file: string; headers: Record<string, string> };

/**
 * What `npm start` answers from the build's files itself, as nginx does in the deployment: a
 * GET or HEAD of a prerendered route that answers 200 (pages, feeds, data files, images), other
 * than Next's data requests for a page, and Next's compressible assets. Each is sent as the
 * brotli or gzip copy the build wrote when the client accepts it, with the manifest's headers,
 * Content-Length, and ETag and Last-Modified for a 304. Next rendered nothing for these, but
 * spent about 1.3 ms of CPU on each, and compressed every page again (gzip only).
 */
export function createBuildFileServer(distDir: string, manifest: StaticRoutesManifest, cacheBytes = CACHE_BYTES) {
  const files = new CompressedFiles(cacheBytes);
  const assetRoot = path.join(distDir, 'static');

  /** By the path as sent: `/mali/` is Next's to redirect, not the file of `/mali`. */
  function targetOf(request: IncomingMessage, { path: sent, malformed, dataRequest }: RequestFacts): Target | undefined {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || malformed) return undefined;
    const route = manifest.routes[sent];
    if (route) {
      if (route.status !== 200 || dataRequest) return undefined;
      return { file: path.join(distDir, route.file), headers: route.headers };
    }
    if (!sent.startsWith(ASSET_PREFIX)) return undefined;
    const name = sent.slice(ASSET_PREFIX.length);
    const type = ASSET_TYPES[path.posix.extname(name).toLowerCase()];
    // Only plain names inside the folder: anything else (.., //, \, NUL) is left to Next, which refuses it.
    if (!type || name.split('/').some((segment) => segment === '' || segment === '.' || segment === '..') || /[\\\0]/.test(name)) return undefined;
    return { file: path.join(assetRoot, name), headers: { 'content-type': type, 'cache-control': ASSET_CACHE_CONTROL } };
  }

  async function send(request: IncomingMessage, response: ServerResponse, target: Target, fallback: () => void): Promise<void> {
    const encodings = await files.encodingsOf(target.file);
    // A route in the manifest without its file (nginx does the same: error_page 404 = @cb_app).
    if (!encodings) return fallback();
    const coding = chooseContentCoding(request.headers['accept-encoding'], encodings.available);
    const encoded = coding === 'identity' ? encodings.identity : encodings.compressed[coding]!;
    const { 'content-type': contentType, ...headers } = target.headers;
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    // A route's Vary is in the manifest (the build names Accept-Encoding where it wrote copies); an asset's is said here.
    if (!('vary' in headers) && encodings.available.length > 0) response.setHeader('vary', 'Accept-Encoding');
    response.setHeader('etag', encoded.etag);
    response.setHeader('last-modified', encoded.lastModified);
    if (notModified(request, encoded)) return void response.writeHead(304).end();
    if (contentType) response.setHeader('content-type', contentType);
    if (coding !== 'identity') response.setHeader('content-encoding', coding);
    response.setHeader('content-length', encoded.size);
    if (request.method === 'HEAD') return void response.writeHead(200).end();
    const body = await files.body(encoded);
    response.writeHead(200).end(body);
  }

  return {
    /**
     * Whether this request is one for the build's files (`facts`: what the request policy read of
     * its URL); if so it is answered, or handed to `fallback` (Next) when its file turns out to be missing.
     */
    serve(request: IncomingMessage, response: ServerResponse, facts: RequestFacts, fallback: () => void): boolean {
      const target = targetOf(request, facts);
      if (!target) return false;
      send(request, response, target, fallback).catch((error: unknown) => {
        console.error(`server: could not send ${target.file}`, error);
        if (!response.headersSent) fallback();
        else response.destroy();
      });
      return true;
    },
  };
}

/** RFC 9110 §13.2.2: If-None-Match (weak comparison) when sent, else If-Modified-Since. */
function notModified(request: IncomingMessage, encoded: Encoded): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
    return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(encoded.etag));
  }
  const since = Date.parse(request.headers['if-modified-since'] ?? '');
  return Number.isFinite(since) && encoded.mtimeSeconds * 1000 <= since;
}
