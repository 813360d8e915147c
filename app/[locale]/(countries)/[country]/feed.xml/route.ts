import { getSettings } from '@/lib/config/settings';
import { countryFileRoute, localizedCountryStaticParams } from '@/lib/country-file-route';
import { buildCountryFeed } from '@/lib/feeds/atom-feed';

export const dynamic = 'force-static';
export const dynamicParams = false;
export const generateStaticParams = localizedCountryStaticParams;

export const GET = countryFileRoute((country, locale) => {
  const { SITE_URL, SITE_NAME } = getSettings();
  return { body: buildCountryFeed(country, { url: SITE_URL, name: SITE_NAME }, locale), contentType: 'application/atom+xml; charset=utf-8' };
});
