/**
 * Names a country folder cannot take: each is the address of a page, a file or a section of the
 * site (or reserved for one), so a country there would be unreachable or would hide it. A unit
 * test keeps this list in step with the folders and files at the top of app/.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  // Routes of the site today.
  'api',
  'subscribe',
  'unsubscribe',
  'preferences',
  'feed.xml',
  'sitemap.xml',
  'robots.txt',
  'icon.svg',
  'opengraph-image',
  // Next.js and the server.
  '_next',
  'favicon.ico',
  // Planned sections (navigation, month across countries, search) and a locale prefix for the French edition.
  'countries',
  'crisiswatch',
  'search',
  'about',
  'en',
  'fr',
]);
