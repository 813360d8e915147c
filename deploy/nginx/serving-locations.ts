import { CONTENT_CACHE_CONTROL, ENCODING_VARY, PAGE_VARY, withVary } from '../../lib/server/response-policy';

/**
 * What the shipped configuration (deploy/nginx/crisis-briefings/site.conf) can serve from the
 * build: one `/_prerendered/<name>/` location per content type, each sending its `fixed` headers
 * written out (the same for every route of that type) and its `perRoute` ones from routes.conf's
 * maps (`$cb_h_<name>`, empty: not sent). A header written out costs nginx a fraction of one
 * looked up for each request (docs/benchmarks.md), so only what differs from route to route is
 * a map. A unit test keeps this and site.conf in step; a route needing anything else is left to
 * the app, with the reason.
 */
export type ServingLocation = {
  name: string;
  /** Lower-case header names and the values every route served here must have. */
  fixed: Readonly<Record<string, string>>;
  /** Lower-case names of the headers each route may have or not, with its own value. */
  perRoute: readonly string[];
};

/** Every prerendered route is content, kept as such; a file with brotli and gzip copies also varies with the encoding. */
const content = (name: string, perRoute: string[] = []): ServingLocation => ({ name, fixed: { 'cache-control': CONTENT_CACHE_CONTROL }, perRoute: ['vary', ...perRoute] });

export const SERVING_LOCATIONS: Readonly<Record<string, ServingLocation>> = {
  // Every page compresses, so every page has its copies and one Vary; each has its own CSP (the hashes of its inline scripts).
  'text/html; charset=utf-8': { name: 'html', fixed: { 'cache-control': CONTENT_CACHE_CONTROL, vary: withVary(PAGE_VARY, ENCODING_VARY) }, perRoute: ['content-security-policy'] },
  'application/atom+xml; charset=utf-8': content('atom'),
  'text/csv; charset=utf-8; header=present': content('csv', ['content-disposition']),
  'application/json; charset=utf-8': content('json'),
  'application/xml': content('xml'),
  'text/plain': content('text'),
  'image/svg+xml': content('svg'),
  // PNG does not compress: no copies, no Vary.
  'image/png': { name: 'png', fixed: { 'cache-control': CONTENT_CACHE_CONTROL }, perRoute: [] },
};

/** Every header some location takes from a map: each is a `$cb_h_<name>` variable in routes.conf. */
export const ROUTE_HEADERS: readonly string[] = [...new Set(Object.values(SERVING_LOCATIONS).flatMap((location) => location.perRoute))].sort();

export const servingLocation = (contentType: string): ServingLocation | undefined => SERVING_LOCATIONS[contentType];

export const servingPrefix = (contentType: string): string | undefined => {
  const location = servingLocation(contentType);
  return location === undefined ? undefined : `/_prerendered/${location.name}/`;
};
