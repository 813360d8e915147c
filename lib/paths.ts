/** Every internal URL is built here, so routes and links cannot drift apart. */
export const COUNTRIES_PATH = '/countries';
/** The id of a region's heading on the countries page, and the way to it: `regionPath('Africa', 'Sahel')`. */
export const regionAnchor = (...regions: readonly string[]) => `region-${regions.join('-').toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
export const regionPath = (...regions: readonly string[]) => `${COUNTRIES_PATH}#${regionAnchor(...regions)}`;
export const countryPath = (country: string) => `/${country}`;
export const entryPath = (country: string, month: string) => `/${country}/crisiswatch/${month}`;
export const quoteAnchor = (quoteId: string) => `quote-${quoteId}`;

export const archivePath = (country: string, page = 1) => (page === 1 ? `/${country}/crisiswatch` : `/${country}/crisiswatch/page/${page}`);

/** A filtered view of the archive: a GET URL, so every view can be bookmarked and shared. */
export function filteredArchivePath(country: string, filter: { verdict?: string; from?: number; to?: number }, page = 1): string {
  const query = new URLSearchParams();
  if (filter.verdict) query.set('verdict', filter.verdict);
  if (filter.from !== undefined) query.set('from', String(filter.from));
  if (filter.to !== undefined) query.set('to', String(filter.to));
  if (page > 1) query.set('page', String(page));
  const search = query.toString();
  return `/${country}/crisiswatch/filter${search ? `?${search}` : ''}`;
}

/** The search page; a GET URL, so results can be bookmarked, shared and paged with their filters. */
export const SEARCH_PATH = '/search';
export function searchPath(query: { q?: string; country?: string; verdict?: string }, page = 1): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.country) params.set('country', query.country);
  if (query.verdict) params.set('verdict', query.verdict);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return `${SEARCH_PATH}${search ? `?${search}` : ''}`;
}

/** Where a reader chooses countries to follow by email. */
export const SUBSCRIBE_PATH = '/subscribe';

/** Where the subscribe form posts (answered by the server itself in production). */
export const SUBSCRIBE_API_PATH = '/api/subscribe';

/** The pages the links in subscription emails open. */
export const confirmPath = (token: string) => `/subscribe/confirm?token=${encodeURIComponent(token)}`;
export const unsubscribePath = (token: string) => `/unsubscribe?token=${encodeURIComponent(token)}`;
/** The countries a subscriber follows; opened with the token of any message's unsubscribe link. */
export const PREFERENCES_PATH = '/preferences';
export const preferencesPath = (token: string) => `${PREFERENCES_PATH}?token=${encodeURIComponent(token)}`;

export const siteFeedPath = () => '/feed.xml';
export const countryFeedPath = (country: string) => `/${country}/feed.xml`;
export const historyDataPath = (country: string, format: 'json' | 'csv') => `/${country}/crisiswatch.${format}`;

/** CrisisWatch across countries: the latest month, and each month at its own permanent address. */
export const MONTH_INDEX_PATH = '/crisiswatch';
export const monthPath = (month: string) => `${MONTH_INDEX_PATH}/${month}`;

/** What the verdicts and alerts mean, linked from every key and badge group. */
export const VERDICTS_GUIDE_PATH = '/crisiswatch/verdicts';
/** Who publishes the site and where its content comes from. */
export const ABOUT_PATH = '/about';
