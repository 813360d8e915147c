import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import {
  COMMON_HEADERS,
  contentSecurityPolicy,
  HSTS,
  isKeptPage,
  KEPT_PAGE_CACHE_CONTROL,
  nonceRequestHeader,
  PRIVATE_CACHE_CONTROL,
} from './response-policy';
import { isNextDataRequest } from './next-data-request';
import type { StaticRoutesManifest } from './static-routes';

/** Headers only a trusted proxy may set; a client's own are dropped before Next sees them. */
const FORWARDED_HEADERS = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded', 'x-real-ip'];

export type RequestPolicyOptions = { trustProxy: number; staticRoutes: StaticRoutesManifest | undefined };

/**
 * What the policy read of the request's URL, for what answers it next: `pathname` as Next routes
 * it (decoded, no trailing slash), `path` decoded as sent, `dataRequest` when Next's client
 * router asks for a page's data, `nonce` the one made for this response when Next renders it.
 */
export type RequestFacts = { pathname: string; path: string; malformed: boolean; dataRequest: boolean; nonce?: string };

/**
 * Prepares one request for Next and decides the headers of its response:
 * - forwarded headers survive only from a trusted proxy, so a client cannot pick its own
 *   address for the rate limit, nor its own host for the origin check; without a proxy's,
 *   X-Forwarded-For is the connection's address;
 * - a prerendered page gets the CSP with its scripts' hashes from the static-routes manifest;
 *   anything rendered now gets a fresh nonce, which Next reads from the request header and puts
 *   on its scripts;
 * - security headers everywhere, HSTS over https, and caching that lets shared caches keep
 *   content while the API and token pages are never stored.
 * Headers are settled when Next writes the status line, because Next sets some of its own
 * (Cache-Control) while it renders.
 */
export function applyRequestPolicy(request: IncomingMessage, response: ServerResponse, options: RequestPolicyOptions): RequestFacts {
  const trusted = options.trustProxy > 0;
  if (!trusted) for (const name of FORWARDED_HEADERS) delete request.headers[name];
  // Every path to the rate limit (the directly answered subscribe route as well as Next's) reads
  // the client from X-Forwarded-For: without a proxy's, it is the connection's own address.
  const socketAddress = request.socket.remoteAddress;
  if (!request.headers['x-forwarded-for'] && socketAddress) request.headers['x-forwarded-for'] = socketAddress;
  delete request.headers['content-security-policy'];
  delete request.headers['content-security-policy-report-only'];

  const https = Boolean((request.socket as TLSSocket).encrypted) || (trusted && firstValue(request.headers['x-forwarded-proto']) === 'https');
  const { pathname, path, malformed } = readUrl(request.url);
  const staticRoute = request.method === 'GET' || request.method === 'HEAD' ? options.staticRoutes?.routes[pathname] : undefined;
  const dataRequest = isNextDataRequest(request.headers);
  let nonce: string | undefined;
  // A nonce only matters to HTML that Next renders now; the API and Next's assets are not HTML.
  if (!staticRoute && !pathname.startsWith('/api/') && !pathname.startsWith('/_next/')) {
    nonce = randomBytes(16).toString('base64');
    request.headers['content-security-policy'] = nonceRequestHeader(nonce);
  }

  const writeHead = response.writeHead;
  response.writeHead = function writeHeadWithPolicy(this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
    const status = typeof args[0] === 'number' ? args[0] : this.statusCode;
    for (const [name, value] of Object.entries(COMMON_HEADERS)) this.setHeader(name, value);
    if (https) this.setHeader('strict-transport-security', HSTS);
    this.removeHeader('x-powered-by');
    const isHtml = String(this.getHeader('content-type') ?? '').startsWith('text/html');
    // A 304 for a prerendered route carries its headers too: a browser updates what it kept
    // with them, so a CSP without the page's hashes would stop its scripts.
    if (staticRoute && !isRscResponse(this) && (status === staticRoute.status || (status === 304 && !dataRequest))) {
      for (const [name, value] of Object.entries(staticRoute.headers)) if (name !== 'content-type') this.setHeader(name, value);
    } else {
      // An error page may be Next's prerendered one, whose scripts carry no nonce: allow their hashes too.
      const errorPageHashes = status >= 400 ? (options.staticRoutes?.errorPageScriptHashes ?? []) : [];
      this.setHeader('content-security-policy', contentSecurityPolicy(nonce && isHtml ? { nonce, hashes: errorPageHashes } : { hashes: [] }));
      // What Next answers from its cache (an archive month past the prerendered ones, a page's
      // data for its client router) comes with a year-long s-maxage, longer than a build lives,
      // and such a page's HTML carries a nonce made for one response (document-after-paint.ts).
      if (isKeptPage(this)) this.setHeader('cache-control', KEPT_PAGE_CACHE_CONTROL);
      else if (pathname.startsWith('/api/') || !this.hasHeader('cache-control')) this.setHeader('cache-control', PRIVATE_CACHE_CONTROL);
      // Next's account of its cache (HIT, MISS, how stale) is for Next; its client router reads
      // some of these on its data requests, so only a document loses them.
      if (isHtml) for (const name of this.getHeaderNames()) if (name.startsWith('x-nextjs-')) this.removeHeader(name);
    }
    return Reflect.apply(writeHead, this, args) as ServerResponse;
  } as ServerResponse['writeHead'];
  return { pathname, path, malformed, dataRequest, nonce };
}

/** A client-side navigation's data request for a page: its caching is Next's business. */
const isRscResponse = (response: ServerResponse) => String(response.getHeader('content-type') ?? '').startsWith('text/x-component');

function firstValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(',')[0]?.trim().toLowerCase();
}

/**
 * The request's path, read once: `path` decoded as sent, `pathname` the path Next will route (a
 * trailing slash is not part of any route here). `malformed`: its percent-encoding is broken
 * (`/%`), which no page of the site can be.
 */
function readUrl(url: string | undefined): { pathname: string; path: string; malformed: boolean } {
  const raw = url ?? '/';
  const queryAt = raw.indexOf('?');
  const encoded = queryAt === -1 ? raw : raw.slice(0, queryAt);
  try {
    const path = decodeURIComponent(encoded);
    return { pathname: path.length > 1 ? path.replace(/\/+$/, '') : path, path, malformed: false };
  } catch {
    return { pathname: encoded, path: encoded, malformed: true };
  }
}
