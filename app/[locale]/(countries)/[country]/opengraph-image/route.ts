import { getCountry } from '@/lib/content';
import { localizedCountryStaticParams } from '@/lib/country-file-route';
import { isLocale } from '@/lib/i18n/locales';
import { notFoundImage, renderOgImage } from '@/lib/og/render-og-image';
import { countryShareImage } from '@/lib/og/share-images';

/**
 * A country's share image, prerendered. A route handler rather than Next's opengraph-image file:
 * inside a route group Next gives that file a hashed address, while pages name this one.
 */
export const dynamicParams = false;
export const generateStaticParams = localizedCountryStaticParams;

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; country: string }> }): Promise<Response> {
  const { locale, country: slug } = await params;
  const country = isLocale(locale) ? await getCountry(slug, locale) : undefined;
  if (!country || !isLocale(locale)) return notFoundImage();
  return renderOgImage(countryShareImage(country, locale));
}
