import type { Query, SearchOptions, SearchResult } from 'minisearch';
import type { Locale } from '../i18n/locales';
import type { Verdict } from '../content/schemas';
import type { SearchDocument, SearchKind } from './documents';
import type { SearchIndex } from './search-index';
import { markMatches, snippet, type TextPart } from './snippet';
import { hasStems, prefixFor, queryTerms, queryWordForms } from './terms';

export const SEARCH_PAGE_SIZE = 10;

export type SearchFilters = { country?: string; verdict?: Verdict };

export type SearchHit = {
  id: string;
  kind: SearchKind;
  href: string;
  country: { slug: string; name: string };
  title: TextPart[];
  snippet: TextPart[];
  date?: string;
  verdict?: Verdict;
  /** The text's language where it is not the page's (see SearchDocument.lang). */
  lang?: Locale;
};

export type SearchResults = {
  hits: SearchHit[];
  total: number;
  page: number;
  pageCount: number;
  /** False when no document had every word, and these are the documents with any of them. */
  matchedAllWords: boolean;
  /** The query had no word to look up (only punctuation or the commonest words). */
  noTerms: boolean;
};

/**
 * Runs a query: every word must match (in any field, exactly, by prefix or with a typo); if no
 * document has them all, documents with any of them are offered instead, and the results say so.
 * A verdict filter keeps CrisisWatch months only (profiles and quotes have no verdict). Hits are
 * ordered by score, then newest first, then by id, so a page's contents never shuffle.
 */
export function searchContent(index: SearchIndex, q: string, filters: SearchFilters = {}, page = 1, pageSize = SEARCH_PAGE_SIZE): SearchResults {
  const words = queryTerms(q, index.locale).length;
  if (words === 0) return { hits: [], total: 0, page, pageCount: 0, matchedAllWords: true, noTerms: true };
  const keep = filterFor(index, filters);
  // A document left out by a filter is skipped before it is scored (a boost of 0), not after.
  const options = keep ? { boostDocument: (rank: number) => (keep(rank) ? 1 : 0) } : {};
  let matchedAllWords = true;
  let results = firstFound(index, toQueries(q, index.locale, 'AND'), options);
  if (results.length === 0 && words > 1) {
    results = firstFound(index, toQueries(q, index.locale, 'OR'), { ...options, combineWith: 'OR' });
    matchedAllWords = results.length === 0;
  }
  breakTies(results);
  const pageCount = Math.ceil(results.length / pageSize);
  const hits = results.slice((page - 1) * pageSize, page * pageSize).map((result) => toHit(index.documents[result.id as number]!, new Set(result.terms), index.locale));
  return { hits, total: results.length, page, pageCount, matchedAllWords, noTerms: false };
}

/**
 * English: the query as MiniSearch reads it with the index's options (one term a word). A
 * language with stems, in two steps: first each word as written or by its stems, exactly (a word
 * that is its own stem, such as "parl", also as a prefix; a stem never is, or "Mali", stem "mal",
 * would find "malgré");
 * only when that finds nothing, each word as written with its typos and prefixes forgiven, as in
 * English, or by its stems. The first step is what most queries need and costs exact look-ups
 * only; doing both at once cost French 1.8× the time of English (docs/benchmarks.md). Every word
 * is required (`AND`), or any (`OR`, the fallback).
 */
function toQueries(q: string, locale: Locale, combineWith: 'AND' | 'OR'): Query[] {
  if (!hasStems(locale)) return [q];
  const asIs = { processTerm: (term: string) => term, tokenize: (term: string) => [term] };
  const words = queryWordForms(q, locale);
  // A word that is its own stem (one term: "parl", "zenda") is a prefix, as in English.
  const exact = words.map(({ written, terms }): Query => ({ ...asIs, combineWith: 'OR', queries: [...terms], fuzzy: false, prefix: terms.length === 1 && prefixFor(written) }));
  const forgiving = words.map(({ terms: [word, ...wordStems] }): Query => {
    const written = { ...asIs, queries: [word!] };
    return wordStems.length === 0 ? written : { combineWith: 'OR', queries: [written, { ...asIs, combineWith: 'OR', queries: wordStems, prefix: false, fuzzy: false }] };
  });
  return [
    { combineWith, queries: exact },
    { combineWith, queries: forgiving },
  ];
}

/** The first of `queries` that finds anything (the last one's empty results otherwise). */
function firstFound(index: SearchIndex, queries: Query[], options: SearchOptions): SearchResult[] {
  let results: SearchResult[] = [];
  for (const query of queries) {
    results = index.miniSearch.search(query, options);
    if (results.length > 0) break;
  }
  return results;
}

/**
 * MiniSearch returns results by score; equal scores are put in the index's order (newest first,
 * then by id), in place. Only runs of equal scores are sorted: a common word can match every
 * document, and sorting them all again would cost more than the search.
 */
function breakTies(results: SearchResult[]): void {
  for (let start = 0; start < results.length; ) {
    let end = start + 1;
    while (end < results.length && results[end]!.score === results[start]!.score) end += 1;
    if (end - start > 1) results.splice(start, end - start, ...results.slice(start, end).sort((a, b) => (a.id as number) - (b.id as number)));
    start = end;
  }
}

function filterFor(index: SearchIndex, { country, verdict }: SearchFilters): ((rank: number) => boolean) | undefined {
  if (!country && !verdict) return undefined;
  return (rank) => {
    const document = index.documents[rank];
    return document !== undefined && (!country || document.country.slug === country) && (!verdict || document.verdict === verdict);
  };
}

function toHit(document: SearchDocument, matched: Set<string>, locale: Locale): SearchHit {
  // An entry's lead is its first sentence on the page, so a snippet may start there.
  const text = document.kind === 'entry' ? `${document.lead} ${document.body}` : document.body;
  return {
    id: document.id,
    kind: document.kind,
    href: document.href,
    country: document.country,
    title: markMatches(document.title, matched, locale),
    snippet: snippet(text.replace(/\s+/g, ' '), matched, locale),
    ...(document.date ? { date: document.date } : {}),
    ...(document.verdict ? { verdict: document.verdict } : {}),
    ...(document.lang ? { lang: document.lang } : {}),
  };
}
