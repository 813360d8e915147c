import { getCountries } from '@/lib/content';
import { getSettings } from '@/lib/config/settings';
import { buildSiteFeed } from '@/lib/feeds/atom-feed';

export const dynamic = 'force-static';

export async function GET() {
  const { SITE_URL, SITE_NAME } = getSettings();
  return new Response(buildSiteFeed(await getCountries(), { url: SITE_URL, name: SITE_NAME }), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
}
