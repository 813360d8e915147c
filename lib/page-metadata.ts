import type { Metadata } from 'next';
import { getSettings } from './config/settings';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './i18n/locales';
import { localeOf } from './i18n/locale-param';
import { messages, type Messages } from './i18n/messages';
import { localizePath, pathsFor } from './paths';

type PageMetadataInput = {
  locale: Locale;
  title: string;
  description: string;
  /** The page's path in English (unprefixed); each language's address is built from it. */
  path: string;
  type?: 'website' | 'article';
  publishedTime?: string;
  /** The country whose feed the page links to, beside the site's feed. */
  feed?: { slug: string; name: string };
  /** A share image of the page's own (an English path, as `path`); the site-wide one otherwise. */
  image?: string;
};

/**
 * Title, description, canonical URL in the page's language, its address in every language
 * (hreflang, with English as x-default), feeds and Open Graph tags, the same way on every page.
 */
export function pageMetadata({ locale, title, description, path, type = 'website', publishedTime, feed, image }: PageMetadataInput): Metadata {
  const { SITE_NAME: siteName } = getSettings();
  const t = messages(locale);
  const paths = pathsFor(locale);
  const url = localizePath(locale, path);
  const images = [{ url: localizePath(locale, image ?? '/opengraph-image'), width: 1200, height: 630, alt: image ? title : t.site.imageAlt(siteName) }];
  const openGraph = {
    title,
    description,
    url,
    siteName,
    locale: t.language.ogLocale,
    alternateLocale: LOCALES.filter((other) => other !== locale).map((other) => messages(other).language.ogLocale),
    images,
  };
  const feeds = [{ url: paths.siteFeed, title: t.site.siteFeedTitle(siteName) }];
  if (feed) feeds.unshift({ url: paths.countryFeed(feed.slug), title: t.site.countryFeedTitle(siteName, feed.name) });
  const languages = Object.fromEntries([...LOCALES.map((other) => [other, localizePath(other, path)]), ['x-default', localizePath(DEFAULT_LOCALE, path)]]);
  return {
    title,
    description,
    alternates: { canonical: url, languages, types: { 'application/atom+xml': feeds } },
    openGraph: type === 'article' ? { ...openGraph, type, publishedTime } : { ...openGraph, type },
    twitter: { card: 'summary_large_image', title, description, images },
  };
}

/** The dictionary sections that hold a page's own title and description. */
type PageSection = { [K in keyof Messages]: Messages[K] extends { title: string; description: string } ? K : never }[keyof Messages];

/**
 * `generateMetadata` of a page that says the same in every language but its words: its title and
 * description from its dictionary section, at `path` (English, unprefixed).
 */
export function sectionMetadata(section: PageSection, path: string) {
  return async ({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> => {
    const locale = localeOf(await params);
    const words = messages(locale)[section];
    return pageMetadata({ locale, title: words.title, description: words.description, path });
  };
}
