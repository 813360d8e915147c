import type { MetadataRoute } from 'next';
import { getSettings } from '@/lib/config/settings';

export default function robots(): MetadataRoute.Robots {
  const { SITE_URL } = getSettings();
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/api/', '/subscribe', '/unsubscribe', '/preferences'] },
    sitemap: `${SITE_URL}/sitemap.xml`,
  };
}
