import type { ServedRoute, StaticRoutePlan } from './static-route-plan';
import { headerName, quote, variableSuffix } from './syntax';

/**
 * The request's path as it arrived, kept before the rewrite to the file: every route map is keyed
 * on it, so each map is one hash lookup whatever the number of routes.
 */
export const ROUTE = '$cb_route';
/** Where the rewrite sends a route: one internal location per content type, aliased to the build. */
export const servingPrefix = (contentTypeIndex: number) => `/_prerendered/${contentTypeIndex}/`;
export const headerVariable = (name: string) => `$cb_h_${variableSuffix(name)}`;

const align = (value: number, to: number) => Math.ceil(value / to) * to;
const nextPowerOfTwo = (value: number) => 2 ** Math.ceil(Math.log2(Math.max(1, value)));

/**
 * nginx builds each map's hash at start-up, trying table sizes up to map_hash_max_size until no
 * bucket overflows; an entry takes a pointer plus its key, aligned. Room for four of the longest
 * keys in a bucket and a table twice the number of routes always fit at the first tries (a
 * bucket holding one key fails as soon as two collide: "could not build optimal map_hash").
 * Buckets are allocated at their filled size, so a generous bucket size costs no memory.
 */
function hashSizes(plan: StaticRoutePlan): { maxSize: number; bucketSize: number } {
  const longestKey = Math.max(0, ...plan.served.map((route) => Buffer.byteLength(route.path)));
  const entry = 8 + align(longestKey + 2, 8);
  return { maxSize: Math.max(2048, nextPowerOfTwo(plan.served.length * 2)), bucketSize: Math.max(256, align(4 * entry + 8, 64)) };
}

/** One `map` from the route to `valueOf(route)`; routes whose value is `fallback` are left to `default`. */
function routeMap(variable: string, routes: ServedRoute[], valueOf: (route: ServedRoute) => string, fallback: string): string {
  const lines = [`map ${ROUTE} ${variable} {`, `  default ${quote(fallback)};`];
  for (const route of routes) {
    const value = valueOf(route);
    if (value !== fallback) lines.push(`  ${quote(route.path)} ${quote(value)};`);
  }
  lines.push('}');
  return lines.join('\n');
}

/** The commonest value (absent counts as ""), so a header every route shares costs one line. */
function commonest(values: string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : 1))[0]?.[0] ?? '';
}

/** The http-level maps: is this request the build's to answer, with which file, and with which headers. */
export function renderRouteMaps(plan: StaticRoutePlan): string {
  const { maxSize, bucketSize } = hashSizes(plan);
  const prefixes = new Map(plan.contentTypes.map((contentType, index) => [contentType, servingPrefix(index)]));
  const target = (route: ServedRoute) => `${prefixes.get(route.contentType)}${route.file}`;
  const headerMaps = plan.headerNames.map((name) => {
    const valueOf = (route: ServedRoute) => route.headers[name] ?? '';
    return [`# ${headerName(name)} of each route (empty: not sent)`, routeMap(headerVariable(name), plan.served, valueOf, commonest(plan.served.map(valueOf)))].join('\n');
  });
  return [
    `map_hash_max_size ${maxSize};`,
    `map_hash_bucket_size ${bucketSize};`,
    '',
    "# Next's client router asks for a page's data (RSC) at the page's own URL: that is the app's to answer.",
    'map "$http_rsc$http_next_router_prefetch$http_next_router_state_tree" $cb_rsc_header {',
    '  "" 0;',
    '  default 1;',
    '}',
    'map $args $cb_rsc_query {',
    '  "~(^|&)_rsc(=|&|$)" 1;',
    '  default 0;',
    '}',
    '# The file a GET or HEAD of a prerendered route is answered with; empty: the request goes to the app.',
    'map "$request_method $cb_rsc_header$cb_rsc_query" $cb_static_target {',
    '  "GET 00" $cb_route_target;',
    '  "HEAD 00" $cb_route_target;',
    '  default "";',
    '}',
    routeMap('$cb_route_target', plan.served, target, ''),
    '',
    ...headerMaps,
  ].join('\n');
}
