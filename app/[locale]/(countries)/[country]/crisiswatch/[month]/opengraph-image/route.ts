import { getCrisisWatchEntry } from '@/lib/content';
import { isLocale } from '@/lib/i18n/locales';
import { notFoundImage, renderOgImage } from '@/lib/og/render-og-image';
import { CONTENT_CACHE_CONTROL } from '@/lib/server/response-policy';
import { entryShareImage } from '@/lib/og/share-images';

/**
 * A month's share image, drawn when asked for, not at build time: an archive has tens of
 * thousands of months and few are ever shared, while prerendering each cost a third of the build
 * (docs/benchmarks.md). Shared caches keep it like any page.
 */
export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ locale: string; country: string; month: string }> };

export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { locale, country: slug, month } = await params;
  const found = isLocale(locale) ? await getCrisisWatchEntry(slug, month, locale) : undefined;
  // Drafts are not in a production tree, so this refuses them as it refuses unknown months.
  if (!found || !isLocale(locale)) return notFoundImage();
  return renderOgImage(entryShareImage(found.country, found.entry, locale), { 'cache-control': CONTENT_CACHE_CONTROL });
}
