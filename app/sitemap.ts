import type { MetadataRoute } from 'next';
import { getCountries } from '@/lib/content';
import { getSettings } from '@/lib/config/settings';
import { sitemapEntries } from '@/lib/sitemap-entries';

/** Every prerendered content page in every language: see sitemap-entries.ts. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  return sitemapEntries(await getCountries(), getSettings().SITE_URL);
}
