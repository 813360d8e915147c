import { DEFAULT_LOCALE, isLocale, type Locale } from './i18n/locales';

/**
 * Every internal URL is built here, so routes and links cannot drift apart. A page's address in
 * another language is the same path behind that language's prefix (`/fr/mali`); English keeps
 * the unprefixed addresses that feed ids and every link already mailed depend on.
 */

/** `/mali` in `fr` → `/fr/mali`; in English, unchanged. */
export function localizePath(locale: Locale, path: string): string {
  if (locale === DEFAULT_LOCALE) return path;
  return path === '/' ? `/${locale}` : `/${locale}${path}`;
}

/** `/fr/mali?x=1` → `{ locale: 'fr', path: '/mali?x=1' }`; an unprefixed path is English. */
export function splitLocale(path: string): { locale: Locale; path: string } {
  const match = /^\/([a-z]{2})(?=$|[/?#])(.*)$/.exec(path);
  if (match && isLocale(match[1]!) && match[1] !== DEFAULT_LOCALE) return { locale: match[1], path: match[2] || '/' };
  return { locale: DEFAULT_LOCALE, path };
}

/** The id of a region's heading on the countries page. */
export const regionAnchor = (...regions: readonly string[]) => `region-${regions.join('-').toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
/** A quote's id on its country page, so Latest Updates can link to one quote. */
export const quoteAnchor = (quoteId: string) => `quote-${quoteId}`;

/** Where the subscribe form posts (answered by the server itself in production), whatever the page's language. */
export const SUBSCRIBE_API_PATH = '/api/subscribe';

/** A country's verdicts as data: the same file for every language (months, verdict and alert codes, URLs). */
export const historyDataPath = (country: string, format: 'json' | 'csv') => `/${country}/crisiswatch.${format}`;

type ArchiveFilterQuery = { verdict?: string; from?: number; to?: number };
type SearchQuery = { q?: string; country?: string; verdict?: string };

/** Every page's address in one language. */
export function pathsFor(locale: Locale) {
  const at = (path: string) => localizePath(locale, path);
  const withQuery = (path: string, query: URLSearchParams) => {
    const search = query.toString();
    return at(`${path}${search ? `?${search}` : ''}`);
  };
  const tokenPage = (path: string, token: string) => at(`${path}?token=${encodeURIComponent(token)}`);
  return {
    home: at('/'),
    countries: at('/countries'),
    /** A region's heading among the countries: `region('Africa', 'Sahel')`. */
    region: (...regions: readonly string[]) => at(`/countries#${regionAnchor(...regions)}`),
    country: (country: string) => at(`/${country}`),
    quote: (country: string, quoteId: string) => at(`/${country}#${quoteAnchor(quoteId)}`),
    entry: (country: string, month: string) => at(`/${country}/crisiswatch/${month}`),
    archive: (country: string, page = 1) => at(page === 1 ? `/${country}/crisiswatch` : `/${country}/crisiswatch/page/${page}`),
    /** A filtered view of the archive: a GET URL, so every view can be bookmarked and shared. */
    filteredArchive: (country: string, filter: ArchiveFilterQuery, page = 1) => {
      const query = new URLSearchParams();
      if (filter.verdict) query.set('verdict', filter.verdict);
      if (filter.from !== undefined) query.set('from', String(filter.from));
      if (filter.to !== undefined) query.set('to', String(filter.to));
      if (page > 1) query.set('page', String(page));
      return withQuery(`/${country}/crisiswatch/filter`, query);
    },
    /** CrisisWatch across countries: the latest month, and each month at its own permanent address. */
    months: at('/crisiswatch'),
    month: (month: string) => at(`/crisiswatch/${month}`),
    /** What the verdicts and alerts mean, linked from every key and badge group. */
    verdictsGuide: at('/crisiswatch/verdicts'),
    /** Who publishes the site and where its content comes from. */
    about: at('/about'),
    /** The search page; a GET URL, so results can be bookmarked, shared and paged with their filters. */
    search: (query: SearchQuery = {}, page = 1) => {
      const params = new URLSearchParams();
      if (query.q) params.set('q', query.q);
      if (query.country) params.set('country', query.country);
      if (query.verdict) params.set('verdict', query.verdict);
      if (page > 1) params.set('page', String(page));
      return withQuery('/search', params);
    },
    /** Where a reader chooses countries to follow by email, and where the form without JavaScript lands. */
    subscribe: at('/subscribe'),
    /** The pages the links in subscription emails open, in the subscriber's language. */
    confirm: (token: string) => tokenPage('/subscribe/confirm', token),
    unsubscribe: (token: string) => tokenPage('/unsubscribe', token),
    /** The countries a subscriber follows; opened with the token of any message's unsubscribe link. */
    preferences: (token: string) => tokenPage('/preferences', token),
    siteFeed: at('/feed.xml'),
    countryFeed: (country: string) => at(`/${country}/feed.xml`),
  };
}

export type Paths = ReturnType<typeof pathsFor>;
