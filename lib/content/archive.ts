import { z } from 'zod';
import type { CrisisWatchEntry } from './load-content';
import { LOCALES, type Locale } from '../i18n/locales';
import { messages } from '../i18n/messages';
import { VERDICTS, type Verdict } from './schemas';

/** Two years of months a page: short enough to scan, long enough that twenty years is ten pages. */
export const ARCHIVE_PAGE_SIZE = 24;

export type ArchiveFilter = { verdict?: Verdict; from?: number; to?: number };

/** The archive's query string in one language's words: every field optional; an empty value means "any". */
function querySchemasFor(locale: Locale) {
  const errors = messages(locale).archive.errors;
  const year = z.coerce
    .number({ error: errors.year })
    .int({ error: errors.year })
    .min(1990, { error: errors.yearFrom })
    .max(2100, { error: errors.yearTo });
  return {
    verdict: z.enum(VERDICTS, { error: errors.verdict }).optional(),
    from: year.optional(),
    to: year.optional(),
    page: z.coerce.number({ error: errors.page }).int({ error: errors.page }).min(1, { error: errors.pageFrom }).default(1),
  };
}

const QUERY_SCHEMAS = new Map(LOCALES.map((locale) => [locale, querySchemasFor(locale)]));

/** What the reader chose, as sent: the form shows it again even when it could not be applied. */
export type ArchiveChoice = { verdict?: string; from?: string; to?: string };

export type ArchiveQuery = { chosen: ArchiveChoice } & (
  | { ok: true; filter: ArchiveFilter; page: number }
  | { ok: false; errors: { field: string; message: string }[] }
);

/** Checks each field on its own, then the range, so every problem is reported at once. */
export function parseArchiveQuery(searchParams: Record<string, string | string[] | undefined>, locale: Locale = 'en'): ArchiveQuery {
  const querySchemas = QUERY_SCHEMAS.get(locale)!;
  const single = (key: string) => {
    const value = searchParams[key];
    const text = Array.isArray(value) ? value[0] : value;
    return text === undefined || text.trim() === '' ? undefined : text.trim();
  };
  const errors: { field: string; message: string }[] = [];
  const check = <T>(field: keyof ReturnType<typeof querySchemasFor>, schema: z.ZodType<T>): T | undefined => {
    const result = schema.safeParse(single(field));
    if (result.success) return result.data;
    errors.push({ field, message: result.error.issues[0]?.message ?? 'Invalid value' });
    return undefined;
  };
  const verdict = check('verdict', querySchemas.verdict);
  const from = check('from', querySchemas.from);
  const to = check('to', querySchemas.to);
  const page = check('page', querySchemas.page);
  if (from !== undefined && to !== undefined && from > to) errors.push({ field: 'to', message: messages(locale).archive.errors.range });
  const chosen: ArchiveChoice = { verdict: single('verdict'), from: single('from'), to: single('to') };
  if (errors.length > 0 || page === undefined) return { ok: false, errors, chosen };
  const filter: ArchiveFilter = {};
  if (verdict !== undefined) filter.verdict = verdict;
  if (from !== undefined) filter.from = from;
  if (to !== undefined) filter.to = to;
  return { ok: true, filter, page, chosen };
}

export function isFiltered(filter: ArchiveFilter): boolean {
  return filter.verdict !== undefined || filter.from !== undefined || filter.to !== undefined;
}

export function filterEntries(entries: CrisisWatchEntry[], filter: ArchiveFilter): CrisisWatchEntry[] {
  return entries.filter((entry) => {
    const entryYear = Number(entry.month.slice(0, 4));
    return (
      (filter.verdict === undefined || entry.verdict === filter.verdict) &&
      (filter.from === undefined || entryYear >= filter.from) &&
      (filter.to === undefined || entryYear <= filter.to)
    );
  });
}

export type Paged<T> = { items: T[]; page: number; pageCount: number; total: number };

/** A page past the end is reported as such (undefined) so the route can answer 404. */
export function paginate<T>(items: T[], page: number, size = ARCHIVE_PAGE_SIZE): Paged<T> | undefined {
  const pageCount = archivePageCount(items.length, size);
  if (page > pageCount) return undefined;
  return { items: items.slice((page - 1) * size, page * size), page, pageCount, total: items.length };
}

/** The number of an archive page past the first from its address (`2`, never `02`, `2.0` or `1`), or undefined. */
export function laterArchivePage(param: string): number | undefined {
  return /^[1-9]\d*$/.test(param) && param !== '1' ? Number(param) : undefined;
}

export function archivePageCount(entryCount: number, size = ARCHIVE_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(entryCount / size));
}

/**
 * The years each page of a newest-first list holds, as its page link says them ("2023–2024", or
 * "2024" for a page within one year), so a reader finds a year without opening every page.
 */
export function pageYearLabels(entries: readonly { month: string }[], size = ARCHIVE_PAGE_SIZE): string[] {
  return Array.from({ length: archivePageCount(entries.length, size) }, (_, index) => {
    const page = entries.slice(index * size, (index + 1) * size);
    const newest = page[0]?.month.slice(0, 4);
    const oldest = page.at(-1)?.month.slice(0, 4);
    return newest === oldest ? (newest ?? '') : `${oldest}–${newest}`;
  });
}
