import type { MetadataRoute } from 'next';
import { getCountries } from '@/lib/content';
import { archivePageCount } from '@/lib/content/archive';
import { getSettings } from '@/lib/config/settings';
import { archivePath, countryPath, entryPath } from '@/lib/paths';

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
  return [home, ...pages];
}
