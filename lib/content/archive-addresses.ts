import { getCountries, getCountry, getCrisisWatchEntry } from '.';
import { archivePageCount, laterArchivePage } from './archive';

/**
 * Whether an address of the archive's month routes names a page, before Next renders one: those
 * routes render months past the prerendered ones on request (prerender-window.ts), and a month a
 * page would only find missing renders, on that path, a 404 whose HTML holds nothing but scripts
 * (Next's on-request render puts the not-found page in its payload only), and would be kept as
 * such. `other`: not one of those routes. `path` is without its language prefix.
 */
export type ArchiveAddress = 'exists' | 'missing' | 'other';

const ENTRY = /^\/([^/]+)\/crisiswatch\/([^/]+)$/;
const ARCHIVE_PAGE = /^\/([^/]+)\/crisiswatch\/page\/([^/]+)$/;
const MONTH_ACROSS_COUNTRIES = /^\/crisiswatch\/([^/]+)$/;
/** Pages of their own under those patterns. */
const NOT_A_MONTH = new Set(['/crisiswatch/verdicts']);
const FILTER = 'filter';

export async function archiveAddress(path: string): Promise<ArchiveAddress> {
  if (NOT_A_MONTH.has(path)) return 'other';
  const across = MONTH_ACROSS_COUNTRIES.exec(path);
  if (across) return found((await getCountries()).some((country) => country.entries.some((entry) => entry.month === across[1])));
  const page = ARCHIVE_PAGE.exec(path);
  if (page) {
    const country = await getCountry(page[1]!);
    const number = laterArchivePage(page[2]!);
    return found(country !== undefined && number !== undefined && number <= archivePageCount(country.entries.length));
  }
  const entry = ENTRY.exec(path);
  if (entry && entry[2] !== FILTER) return found((await getCrisisWatchEntry(entry[1]!, entry[2]!)) !== undefined);
  return 'other';
}

const found = (exists: boolean): ArchiveAddress => (exists ? 'exists' : 'missing');
