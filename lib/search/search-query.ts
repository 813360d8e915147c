import { z } from 'zod';
import { getCountries } from '../content';
import { VERDICTS } from '../content/schemas';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { messages } from '../i18n/messages';
import type { SearchFilters } from './search';
import { queryTerms } from './terms';

/** Long enough for any real question, short enough that a pasted page is refused, not searched. */
export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_WORDS = 12;

export type SearchQuery = { q: string; filters: SearchFilters; page: number };
export type SearchQueryProblem = { field: 'q' | 'country' | 'verdict' | 'page'; message: string };
export type ParsedSearchQuery = { ok: true; query: SearchQuery } | { ok: false; errors: SearchQueryProblem[]; query: Partial<SearchQuery> };

type Params = Record<string, string | string[] | undefined>;

/** The query string's fields, their problems said in `locale`'s words. */
function schemas(countrySlugs: readonly string[], locale: Locale) {
  const errors = messages(locale).search.errors;
  return {
    q: z
      .string()
      .max(MAX_QUERY_LENGTH, { error: errors.tooLong(MAX_QUERY_LENGTH) })
      // Each word is looked up on its own (with its typos and prefixes): a bound on words bounds the work.
      .refine((q) => queryTerms(q, locale).length <= MAX_QUERY_WORDS, { error: errors.tooManyWords(MAX_QUERY_WORDS) })
      .default(''),
    country: z
      .string()
      .refine((slug) => countrySlugs.includes(slug), { error: (issue) => errors.country(JSON.stringify(issue.input)) })
      .optional(),
    verdict: z.enum(VERDICTS, { error: errors.verdict }).optional(),
    page: z.coerce.number({ error: errors.page }).int({ error: errors.wholePage }).min(1, { error: errors.pageFrom }).max(10_000, { error: errors.pageTo }).default(1),
  };
}

/**
 * The search page's query string, its problems in the page's language. Every field is optional and an empty value means "any"; a
 * repeated field counts once (its first value); white space and control characters fold to one space. Each field is checked on its own, so every
 * problem is reported at once, named by its field; what was valid is kept to refill the form.
 */
export function parseSearchQuery(params: Params, countrySlugs: readonly string[], locale: Locale = DEFAULT_LOCALE): ParsedSearchQuery {
  const single = (key: string) => {
    const value = params[key];
    // Control characters (a NUL byte) are no part of a search, and must not be echoed into the page.
    const text = (Array.isArray(value) ? value[0] : value)?.replace(/[\s\p{Cc}]+/gu, ' ').trim();
    return text ? text : undefined;
  };
  const shapes = schemas(countrySlugs, locale);
  const errors: SearchQueryProblem[] = [];
  const check = <T>(field: SearchQueryProblem['field'], schema: z.ZodType<T>): T | undefined => {
    const result = schema.safeParse(single(field));
    if (result.success) return result.data;
    errors.push({ field, message: result.error.issues[0]?.message ?? 'Invalid value' });
    return undefined;
  };
  const q = check('q', shapes.q);
  const country = check('country', shapes.country);
  const verdict = check('verdict', shapes.verdict);
  const page = check('page', shapes.page);
  const filters: SearchFilters = {};
  if (country !== undefined) filters.country = country;
  if (verdict !== undefined) filters.verdict = verdict;
  if (errors.length > 0 || q === undefined || page === undefined) {
    return { ok: false, errors, query: { ...(q !== undefined ? { q } : {}), filters } };
  }
  return { ok: true, query: { q, filters, page } };
}

/**
 * Whether a request's query string is one the search page can answer. A page cannot set its own
 * status in Next, so proxy.ts asks this and serves the same page (the form, each problem next to
 * its field) with 400 when not, which tells crawlers and monitors that the URL is wrong.
 */
export async function isAnswerableSearch(url: URLSearchParams, locale: Locale): Promise<boolean> {
  const params = Object.fromEntries([...new Set(url.keys())].map((key) => [key, url.getAll(key)]));
  return parseSearchQuery(params, (await getCountries()).map((country) => country.slug), locale).ok;
}
