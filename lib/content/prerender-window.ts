import { getSettings } from '../config/settings';
import { ARCHIVE_PAGE_SIZE, archivePageCount } from './archive';

/**
 * Which archive months a build prerenders. A twenty-year archive of fifty countries in two
 * languages is tens of thousands of pages, nearly all of them months readers seldom open, and
 * prerendering each costs the build about 20 ms (docs/benchmarks.md): so the build prerenders the
 * latest `PRERENDER_MONTHS` months, and an older month's page (an entry, the month across
 * countries, an archive page past the first) is rendered by the server on its first request and
 * kept in its memory for the life of the build (`dynamicParams` on those routes). A month is
 * never stale that way: the cache starts empty with every build, and content changes only with
 * a build.
 */
export const prerenderedMonthCount = (): number => getSettings().PRERENDER_MONTHS;

/** The newest `keep` of `months` (YYYY-MM, any order), newest first; every month when `keep` is 0. */
export function recentMonths(months: readonly string[], keep = prerenderedMonthCount()): string[] {
  const newestFirst = [...new Set(months)].sort().reverse();
  return keep === 0 ? newestFirst : newestFirst.slice(0, keep);
}

/**
 * The archive pages after the first (newest first, ARCHIVE_PAGE_SIZE entries a page) that hold
 * one of a country's `keep` newest months: with the default, none, as page 1 holds them.
 */
export function recentArchivePages(entries: number, keep = prerenderedMonthCount()): number[] {
  const pages = archivePageCount(keep === 0 ? entries : Math.min(entries, keep), ARCHIVE_PAGE_SIZE);
  return Array.from({ length: pages - 1 }, (_, index) => index + 2);
}
