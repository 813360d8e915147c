import type { MetadataRoute } from 'next';
import type { Country } from './content';
import { archivePageCount } from './content/archive';
import { monthsWithEntries } from './crisiswatch/month-view';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './i18n/locales';
import { pathsFor, type Paths } from './paths';

/** A page by its address in any language, and the day its content last changed. */
type SitemapPage = { path: (paths: Paths) => string; lastModified?: string };

/**
 * Every prerendered content page, in every language, each naming its versions in the others
 * (hreflang), so a search engine shows a reader the one in their language; English, the source,
 * is the default. Filtered archive views are left out (they are queries), and so is
 * /crisiswatch, whose canonical URL is its month's page.
 */
export function sitemapEntries(countries: readonly Country[], siteUrl: string): MetadataRoute.Sitemap {
  return contentPages(countries).flatMap((page) => inEveryLanguage(page, siteUrl));
}

/** The pages every build has, changed whenever the newest entry did. */
const STANDING_PAGES: SitemapPage['path'][] = [(paths) => paths.home, (paths) => paths.countries, (paths) => paths.about, (paths) => paths.verdictsGuide];

function contentPages(countries: readonly Country[]): SitemapPage[] {
  const newest = (dates: readonly string[]) => [...dates].sort().at(-1);
  const siteChanged = newest(countries.flatMap((country) => country.entries.map((entry) => entry.period.to)));
  const standing = STANDING_PAGES.map((path): SitemapPage => ({ path, lastModified: siteChanged }));
  const countryPages = countries.flatMap((country): SitemapPage[] => {
    const updated = country.entries[0]?.period.to;
    return [
      { path: (paths) => paths.country(country.slug), lastModified: updated },
      ...Array.from({ length: archivePageCount(country.entries.length) }, (_, index): SitemapPage => ({ path: (paths) => paths.archive(country.slug, index + 1), lastModified: updated })),
      ...country.entries.map((entry): SitemapPage => ({ path: (paths) => paths.entry(country.slug, entry.month), lastModified: entry.period.to })),
    ];
  });
  // Each month across countries changed when the last of its entries did.
  const monthChanged = new Map<string, string>();
  for (const entry of countries.flatMap((country) => country.entries)) {
    const known = monthChanged.get(entry.month);
    if (known === undefined || entry.period.to > known) monthChanged.set(entry.month, entry.period.to);
  }
  const months = monthsWithEntries(countries).map((month): SitemapPage => ({ path: (paths) => paths.month(month), lastModified: monthChanged.get(month) }));
  return [...standing, ...countryPages, ...months];
}

/** One entry per language, each listing all of them and English as the default. */
function inEveryLanguage({ path, lastModified }: SitemapPage, siteUrl: string): MetadataRoute.Sitemap {
  const urlIn = (locale: Locale) => `${siteUrl}${path(pathsFor(locale))}`;
  const languages = { ...Object.fromEntries(LOCALES.map((locale) => [locale, urlIn(locale)])), 'x-default': urlIn(DEFAULT_LOCALE) };
  return LOCALES.map((locale) => ({ url: urlIn(locale), lastModified, alternates: { languages } }));
}
