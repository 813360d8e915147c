/**
 * What the shipped configuration (deploy/nginx/crisis-briefings/site.conf) can serve from the
 * build: one `/_prerendered/<name>/` location per content type, and an `add_header` line per
 * header a route may carry. A unit test keeps this and site.conf in step; a route needing
 * anything else is left to the app.
 */
export const SERVING_LOCATIONS: Readonly<Record<string, string>> = {
  'text/html; charset=utf-8': 'html',
  'application/atom+xml; charset=utf-8': 'atom',
  'text/csv; charset=utf-8; header=present': 'csv',
  'application/json; charset=utf-8': 'json',
  'application/xml': 'xml',
  'text/plain': 'text',
  'image/svg+xml': 'svg',
  'image/png': 'png',
};

/** Lower-case; each is a `$cb_h_<name>` variable that prerendered.conf adds. */
export const ROUTE_HEADERS = ['content-security-policy', 'cache-control', 'vary', 'content-disposition'] as const;

export const servingPrefix = (contentType: string): string | undefined => {
  const name = SERVING_LOCATIONS[contentType];
  return name === undefined ? undefined : `/_prerendered/${name}/`;
};
