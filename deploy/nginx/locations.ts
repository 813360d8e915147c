import type { StaticRoutesManifest } from '../../lib/server/static-routes';
import { headerVariable, servingPrefix } from './route-maps';
import type { StaticRoutePlan } from './static-route-plan';
import { headerName, indent, quote } from './syntax';

// The locations nginx answers from files: prerendered routes (one per content type), Next's assets, ACME challenges.

/** Next's hashed assets: the file name changes with the content, so a year is safe. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const STATIC_TYPES = [
  'application/javascript js mjs',
  'text/css css',
  'application/json json map',
  'font/woff2 woff2',
  'font/woff woff',
  'font/ttf ttf',
  'font/otf otf',
  'image/svg+xml svg',
  'image/png png',
  'image/jpeg jpg jpeg',
  'image/webp webp',
  'image/avif avif',
  'image/gif gif',
  'image/x-icon ico',
  'text/plain txt',
  'application/wasm wasm',
];
const compressible = (contentType: string) => /^text\/|json|xml|javascript|svg/.test(contentType);

/** The lines every answer nginx makes itself carries: the manifest's common headers, and HSTS over https. */
export function ownHeaders(manifest: StaticRoutesManifest): string[] {
  return [
    ...Object.entries(manifest.commonHeaders).map(([name, value]) => `add_header ${headerName(name)} ${quote(value)};`),
    'add_header Strict-Transport-Security $cb_hsts;',
  ];
}

export function servingLocations(plan: StaticRoutePlan, distDir: string, manifest: StaticRoutesManifest): string {
  const perRoute = plan.headerNames.map((name) => `add_header ${headerName(name)} ${headerVariable(name)};`);
  return plan.contentTypes
    .map((contentType, index) =>
      [
        `# ${contentType}`,
        `location ^~ ${servingPrefix(index)} {`,
        indent(
          [
            'internal;',
            `alias ${quote(`${distDir}/`)};`,
            'types { }',
            `default_type ${quote(contentType)};`,
            ...(compressible(contentType) ? ['gzip on;', 'gzip_vary on;', 'gzip_min_length 256;', 'gzip_types *;'] : ['gzip off;']),
            '# A file missing from the build, or this prefix asked for from outside: the app answers.',
            'error_page 404 = @cb_app;',
            ...perRoute,
            ...ownHeaders(manifest),
          ].join('\n'),
        ),
        '}',
      ].join('\n'),
    )
    .join('\n');
}

export function assetsLocation(distDir: string, manifest: StaticRoutesManifest): string {
  return [
    'location ^~ /_next/static/ {',
    indent(
      [
        `alias ${quote(`${distDir}/static/`)};`,
        `types { ${STATIC_TYPES.join('; ')}; }`,
        'default_type application/octet-stream;',
        'gzip on;',
        'gzip_vary on;',
        'gzip_min_length 256;',
        'gzip_types application/javascript text/css application/json image/svg+xml text/plain font/ttf font/otf;',
        `add_header Cache-Control ${quote(IMMUTABLE)};`,
        ...ownHeaders(manifest),
      ].join('\n'),
    ),
    '}',
  ].join('\n');
}

export const acmeLocation = (webroot: string) => `location ^~ /.well-known/acme-challenge/ {\n  root ${quote(webroot)};\n  default_type text/plain;\n}`;
