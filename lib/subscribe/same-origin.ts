import { getSettings } from '../config/settings';

/**
 * The host a request reached, as the browser saw it: the forwarded host when a trusted proxy
 * set it (the server removes a client's own X-Forwarded-Host unless TRUST_PROXY is set), else
 * the Host header. Never `request.url`, which Next builds from the address the server listens on.
 */
export function requestHost(headers: Headers): string | undefined {
  const forwarded = headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  return (forwarded || headers.get('host') || undefined)?.toLowerCase();
}

/**
 * Whether a browser's Origin header is this site: the public address (SITE_URL), or the very
 * host the request was sent to, so the site's own forms work at any address it is served on
 * (a staging host, 127.0.0.1) while a page elsewhere cannot post here. The scheme is not
 * compared: behind a TLS-terminating proxy the app may not know it, and no other site can
 * serve pages from this host.
 */
export function isSiteOrigin(origin: string, headers: Headers, siteUrl = getSettings().SITE_URL): boolean {
  let originHost: string;
  try {
    const parsed = new URL(origin);
    if (parsed.origin === new URL(siteUrl).origin) return true;
    originHost = parsed.host.toLowerCase();
  } catch {
    return false; // "null" (a sandboxed or file: page) or garbage
  }
  return originHost === requestHost(headers);
}

/** A browser's Origin header, when present, must be this site (a cross-site form post is refused). */
export function isCrossSite(request: Request): boolean {
  const origin = request.headers.get('origin');
  return origin !== null && !isSiteOrigin(origin, request.headers);
}
