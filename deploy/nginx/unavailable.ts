import { indent, quote } from './syntax';

/**
 * What a reader gets from nginx for a route only the app can answer while no instance answers:
 * a small page (or JSON for the site's own scripts) saying to come back, with Retry-After,
 * instead of nginx's bare "502 Bad Gateway". Its own strict CSP: it has no script at all.
 */
const PAGE = [
  '<!doctype html>',
  '<html lang="en">',
  '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
  '<title>Temporarily unavailable</title>',
  '<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}</style></head>',
  '<body><main><h1>This page is temporarily unavailable</h1>',
  '<p>The site is being updated or restarted. Please try again in a minute.</p>',
  '<p><a href="/">Go to the home page</a>: briefings, feeds and data files are still available.</p></main></body>',
  '</html>',
  '',
].join('\n');

const JSON_BODY = `${JSON.stringify({ ok: false, message: 'The site is briefly unavailable. Please try again in a minute.' })}\n`;

export const UNAVAILABLE_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The two named locations; `headers` are the add_header lines every nginx-made answer carries. */
export function renderUnavailableLocations(retryAfterSeconds: number, headers: string[]): string {
  const location = (name: string, contentType: string, body: string) =>
    [
      `location ${name} {`,
      indent(
        [
          `default_type ${quote(contentType)};`,
          `add_header Retry-After ${retryAfterSeconds} always;`,
          'add_header Cache-Control "no-store" always;',
          `add_header Content-Security-Policy ${quote(UNAVAILABLE_CSP)} always;`,
          ...headers.map((line) => line.replace(/;$/, ' always;')),
          `return 503 ${quote(body)};`,
        ].join('\n'),
      ),
      '}',
    ].join('\n');
  return [
    location('@cb_unavailable_html', 'text/html; charset=utf-8', PAGE),
    location('@cb_unavailable_json', 'application/json; charset=utf-8', JSON_BODY),
    [
      'location @cb_too_large {',
      indent(['default_type "text/plain; charset=utf-8";', ...headers.map((line) => line.replace(/;$/, ' always;')), 'return 413 "The request is too large.\\n";'].join('\n')),
      '}',
    ].join('\n'),
  ].join('\n');
}
