import { getCountries } from '@/lib/content';
import { getSiteConfig } from '@/lib/config/site-config';
import { buildSiteFeed } from '@/lib/feeds/atom-feed';

export const dynamic = 'force-static';

export async function GET() {
  const { SITE_URL, SITE_NAME } = getSiteConfig();
  return new Response(buildSiteFeed(await getCountries(), { url: SITE_URL, name: SITE_NAME }), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
}
