import { createHash } from 'node:crypto';
import { COMMON_HEADERS, CONTENT_CACHE_CONTROL, contentSecurityPolicy, ENCODING_VARY, PAGE_VARY, withVary } from '@/lib/server/response-policy';
import type { StaticRoute, StaticRoutesManifest } from '@/lib/server/static-routes';

const hash = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

function page(file: string, route: string): StaticRoute {
  return {
    file,
    status: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      // Like a real build: two scripts every page shares, one (the page's data) of its own.
      'content-security-policy': contentSecurityPolicy({ hashes: [hash('runtime'), hash('bootstrap'), hash(route)] }),
      'cache-control': CONTENT_CACHE_CONTROL,
      // A page's brotli and gzip copies, as the build writes them, add Accept-Encoding.
      vary: withVary(PAGE_VARY, ENCODING_VARY),
    },
  };
}

const data = (file: string, contentType: string, extra: Record<string, string> = {}): StaticRoute => ({
  file,
  status: 200,
  headers: { 'content-type': contentType, ...extra, 'cache-control': CONTENT_CACHE_CONTROL },
});

/**
 * A manifest shaped like an archive-sized build (countries with decades of monthly entries): per
 * country a page, archive, feed, JSON, CSV and share image, then each month's page (a month's
 * share image is drawn on request, so it is not in the manifest), until `routes` routes. Only the manifest: no file exists.
 */
export function archiveManifest(routes: number): StaticRoutesManifest {
  const entries: Record<string, StaticRoute> = {
    '/': page('server/app/index.html', '/'),
    '/feed.xml': data('server/app/feed.xml.body', 'application/atom+xml; charset=utf-8'),
    '/sitemap.xml': data('server/app/sitemap.xml.body', 'application/xml'),
    '/robots.txt': data('server/app/robots.txt.body', 'text/plain'),
  };
  let count = Object.keys(entries).length;
  const add = (route: string, entry: StaticRoute) => {
    if (count >= routes) return;
    entries[route] = entry;
    count += 1;
  };
  for (let country = 0; count < routes; country += 1) {
    const slug = `country-${String(country).padStart(3, '0')}`;
    add(`/${slug}`, page(`server/app/${slug}.html`, `/${slug}`));
    add(`/${slug}/crisiswatch`, page(`server/app/${slug}/crisiswatch.html`, `/${slug}/crisiswatch`));
    add(`/${slug}/feed.xml`, data(`server/app/${slug}/feed.xml.body`, 'application/atom+xml; charset=utf-8'));
    add(`/${slug}/crisiswatch.json`, data(`server/app/${slug}/crisiswatch.json.body`, 'application/json; charset=utf-8'));
    add(`/${slug}/crisiswatch.csv`, data(`server/app/${slug}/crisiswatch.csv.body`, 'text/csv; charset=utf-8; header=present', { 'content-disposition': `inline; filename="${slug}-crisiswatch.csv"` }));
    add(`/${slug}/opengraph-image`, data(`server/app/${slug}/opengraph-image.body`, 'image/png'));
    for (let month = 0; month < 240; month += 1) {
      const name = `${2003 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
      add(`/${slug}/crisiswatch/${name}`, page(`server/app/${slug}/crisiswatch/${name}.html`, `/${slug}/crisiswatch/${name}`));
    }
  }
  return { version: 1, buildId: 'archive-sized', commonHeaders: { ...COMMON_HEADERS }, routes: entries, errorPageScriptHashes: [] };
}
