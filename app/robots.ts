import type { MetadataRoute } from 'next';
import { getSiteConfig } from '@/lib/config/site-config';

export default function robots(): MetadataRoute.Robots {
  const { SITE_URL } = getSiteConfig();
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/api/', '/subscribe'] },
    sitemap: `${SITE_URL}/sitemap.xml`,
  };
}
