import { getCountries } from '@/lib/content';
import { getSettings } from '@/lib/config/settings';
import { buildSiteFeed } from '@/lib/feeds/atom-feed';
import { isLocale, LOCALES } from '@/lib/i18n/locales';

export const dynamic = 'force-static';
// A route handler sits under no layout: it names its languages itself.
export const generateStaticParams = () => LOCALES.map((locale) => ({ locale }));
export const dynamicParams = false;

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response('Not found', { status: 404 });
  const { SITE_URL, SITE_NAME } = getSettings();
  return new Response(buildSiteFeed(await getCountries(locale), { url: SITE_URL, name: SITE_NAME }, locale), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
}
