/**
 * The headers every response carries, in one place for the app server (lib/server/) and for
 * nginx in the deployment (through the static-routes manifest), so both serve the same policy.
 */

/**
 * Scripts: only the site's own files, plus the inline scripts Next writes into each page,
 * allowed by the SHA-256 of each (prerendered pages, computed after the build) or by a nonce
 * made for the one response (pages rendered per request). Neither 'unsafe-inline' nor
 * 'unsafe-eval': a script that slipped past the markdown sanitiser would not run.
 */
export function contentSecurityPolicy(scripts: { hashes: string[]; nonce?: string }): string {
  const allowed = [...(scripts.nonce ? [`'nonce-${scripts.nonce}'`] : []), ...scripts.hashes.map((hash) => `'${hash}'`)];
  return [
    "default-src 'self'",
    `script-src 'self' ${allowed.join(' ')}`.trim(),
    // React writes style attributes (the carousel's position); styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** What the request header Next reads its nonce from must say (see Next's CSP guide). */
export const nonceRequestHeader = (nonce: string) => `script-src 'nonce-${nonce}'`;

/** On every response. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'cross-origin-opener-policy': 'same-origin',
};

/** Only over https: a browser that has seen it refuses plain http for a year. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Prerendered content (pages, feeds, data files, share images): content changes only with a
 * deploy, so readers' browsers keep it five minutes and shared caches an hour, and a cache may
 * serve a stale copy while it revalidates, or for a week while the site is down.
 */
export const CONTENT_CACHE_CONTROL = 'public, max-age=300, s-maxage=3600, stale-while-revalidate=86400, stale-if-error=604800';

/**
 * A page Next rendered once and keeps (an archive month past the prerendered ones): the same
 * for every reader, but each response carries its own nonce, so only the reader's browser may
 * keep it (five minutes, as a prerendered page), never a shared cache.
 */
export const KEPT_PAGE_CACHE_CONTROL = 'private, max-age=300';

/** Whether Next answered from (or into) its cache of pages rendered once: it says so (MISS, HIT, STALE); a page rendered per request has no such header. */
export const isKeptPage = (response: { hasHeader: (name: string) => boolean }): boolean => response.hasHeader('x-nextjs-cache');

/** The API and every page with a token or a per-request answer: never stored anywhere. */
export const PRIVATE_CACHE_CONTROL = 'private, no-store';

/** Next's client router asks for a page's data at the page's own URL with these headers. */
export const PAGE_VARY = 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch';

/** What a route with compressed copies of its file also varies with (added by the build). */
export const ENCODING_VARY = 'accept-encoding';

/** A Vary value with `name` added, unless it names it already (in any case). */
export function withVary(vary: unknown, name: string): string {
  const present = Array.isArray(vary) ? vary.join(', ') : typeof vary === 'string' ? vary : '';
  if (present.split(',').some((item) => item.trim().toLowerCase() === name.toLowerCase())) return present;
  return present ? `${present}, ${name}` : name;
}
