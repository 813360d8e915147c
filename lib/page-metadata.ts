import type { Metadata } from 'next';
import { getSettings } from './config/settings';
import { countryFeedPath, siteFeedPath } from './paths';

type PageMetadataInput = {
  title: string;
  description: string;
  /** Site-relative path; resolved against SITE_URL through the layout's metadataBase. */
  path: string;
  type?: 'website' | 'article';
  publishedTime?: string;
  /** The country whose feed the page links to, beside the site's feed. */
  feed?: { slug: string; name: string };
  /** A share image of the page's own; the site-wide one otherwise. */
  image?: string;
};

/** Title, description, canonical URL, feeds and Open Graph tags, the same way on every page. */
export function pageMetadata({ title, description, path, type = 'website', publishedTime, feed, image }: PageMetadataInput): Metadata {
  const { SITE_NAME: siteName } = getSettings();
  const images = [{ url: image ?? '/opengraph-image', width: 1200, height: 630, alt: image ? title : `${siteName}: where each conflict stands this month` }];
  const openGraph = { title, description, url: path, siteName, locale: 'en_GB', images };
  const feeds = [{ url: siteFeedPath(), title: `${siteName}: all CrisisWatch entries` }];
  if (feed) feeds.unshift({ url: countryFeedPath(feed.slug), title: `${siteName}: CrisisWatch ${feed.name}` });
  return {
    title,
    description,
    alternates: { canonical: path, types: { 'application/atom+xml': feeds } },
    openGraph: type === 'article' ? { ...openGraph, type, publishedTime } : { ...openGraph, type },
    twitter: { card: 'summary_large_image', title, description, images },
  };
}
