import type { Metadata } from 'next';
import { getSiteConfig } from './config/site-config';

type PageMetadataInput = {
  title: string;
  description: string;
  /** Site-relative path; resolved against SITE_URL through the layout's metadataBase. */
  path: string;
  type?: 'website' | 'article';
  publishedTime?: string;
};

/** Title, description, canonical URL and Open Graph tags, the same way on every page. */
export function pageMetadata({ title, description, path, type = 'website', publishedTime }: PageMetadataInput): Metadata {
  const { SITE_NAME: siteName } = getSiteConfig();
  // The site-wide image from app/opengraph-image.tsx; a page's own openGraph would otherwise drop it.
  const images = [{ url: '/opengraph-image', width: 1200, height: 630, alt: `${siteName}: where each conflict stands this month` }];
  const openGraph = { title, description, url: path, siteName, locale: 'en_GB', images };
  return {
    title,
    description,
    alternates: { canonical: path },
    openGraph: type === 'article' ? { ...openGraph, type, publishedTime } : { ...openGraph, type },
    twitter: { card: 'summary_large_image', title, description, images },
  };
}
