import type { MetadataRoute } from 'next';
import { getCountries } from '@/lib/content';
import { archivePageCount } from '@/lib/content/archive';
import { getSettings } from '@/lib/config/settings';
import { monthsWithEntries } from '@/lib/crisiswatch/month-view';
import { ABOUT_PATH, COUNTRIES_PATH, VERDICTS_GUIDE_PATH, archivePath, countryPath, entryPath, monthPath } from '@/lib/paths';

/** Every prerendered content page; filtered archive views are left out (they are queries). */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { SITE_URL } = getSettings();
  const countries = await getCountries();
  const newest = (dates: string[]) => dates.sort().at(-1);
  const home = { url: `${SITE_URL}/`, lastModified: newest(countries.flatMap((country) => country.entries.map((entry) => entry.period.to))) };
  const pages = countries.flatMap((country) => {
    const updated = country.entries[0]?.period.to;
    return [
      { url: `${SITE_URL}${countryPath(country.slug)}`, lastModified: updated },
      ...Array.from({ length: archivePageCount(country.entries.length) }, (_, index) => ({ url: `${SITE_URL}${archivePath(country.slug, index + 1)}`, lastModified: updated })),
      ...country.entries.map((entry) => ({ url: `${SITE_URL}${entryPath(country.slug, entry.month)}`, lastModified: entry.period.to })),
    ];
  });
  // Each month across countries, changed when the last of its entries was; /crisiswatch itself
  // is left out, as its canonical URL is its month's page.
  const monthChanged = new Map<string, string>();
  for (const entry of countries.flatMap((country) => country.entries)) {
    const known = monthChanged.get(entry.month);
    if (known === undefined || entry.period.to > known) monthChanged.set(entry.month, entry.period.to);
  }
  const months = monthsWithEntries(countries).map((month) => ({ url: `${SITE_URL}${monthPath(month)}`, lastModified: monthChanged.get(month) }));
  const standing = [COUNTRIES_PATH, ABOUT_PATH, VERDICTS_GUIDE_PATH].map((path) => ({ url: `${SITE_URL}${path}`, lastModified: home.lastModified }));
  return [home, ...standing, ...pages, ...months];
}
