import type { Locale } from '../i18n/locales';
import type { Verdict } from '../content/schemas';
import type { SearchDocument, SearchKind } from './documents';
import { rankQuery, type QueryTree, type Ranking, type TermQuery } from './query-tree';
import { BOOSTS_BY_FIELD, type SearchIndex } from './search-index';
import { markMatches, snippet, type TextPart } from './snippet';
import { fuzzyFor, hasStems, prefixFor, queryTerms, queryWordForms } from './terms';

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
  // A document left out by a filter is skipped before it is scored, not after.
  const keep = keptDocuments(index, filters);
  let matchedAllWords = true;
  let ranking = firstFound(index, toQueries(q, index.locale, 'AND'), keep);
  if (ranking.total === 0 && words > 1) {
    ranking = firstFound(index, toQueries(q, index.locale, 'OR'), keep);
    matchedAllWords = ranking.total === 0;
  }
  const total = ranking.total;
  const pageCount = Math.ceil(total / pageSize);
  // Only the page shown gets its matched words worked out, its title marked and its snippet cut.
  const shown = ranking.slice(Math.max(0, (page - 1) * pageSize), page * pageSize);
  const hits = Array.from(shown, (doc) => toHit(index.documents[doc]!, ranking.matchedTerms(doc), index.locale));
  return { hits, total, page, pageCount, matchedAllWords, noTerms: false };
}

/**
 * The query, term by term: one term a word in English, each with its typos and prefixes
 * forgiven. A language with stems, in two steps: first each word as written or by its stems,
 * exactly (a word that is its own stem, such as "parl", also as a prefix; a stem never is, or
 * "Mali", stem "mal", would find "malgré");
 * only when that finds nothing, each word as written with its typos and prefixes forgiven, as in
 * English, or by its stems. The first step is what most queries need and costs exact look-ups
 * only; doing both at once cost French 1.8× the time of English (docs/benchmarks.md). Every word
 * is required (`AND`), or any (`OR`, the fallback). The nesting decides the order scores are
 * summed in, and so their last bits: it is the one MiniSearch was given before query-tree.ts.
 */
export function toQueries(q: string, locale: Locale, combineWith: 'AND' | 'OR'): QueryTree[] {
  const words = queryWordForms(q, locale);
  const forgiving = (term: string): TermQuery => ({ term, prefix: prefixFor(term), fuzzy: fuzzyFor(term) });
  const exactly = (term: string, prefix = false): TermQuery => ({ term, prefix, fuzzy: false });
  if (!hasStems(locale)) return [{ combineWith, queries: words.map(({ terms }) => forgiving(terms[0]!)) }];
  // A word that is its own stem (one term: "parl", "zenda") is a prefix, as in English.
  const exact = words.map(({ written, terms }): QueryTree => ({ combineWith: 'OR', queries: terms.map((term) => exactly(term, terms.length === 1 && prefixFor(written))) }));
  const lenient = words.map(({ terms: [word, ...wordStems] }): QueryTree =>
    wordStems.length === 0 ? forgiving(word!) : { combineWith: 'OR', queries: [forgiving(word!), { combineWith: 'OR', queries: wordStems.map((stem) => exactly(stem)) }] },
  );
  return [
    { combineWith, queries: exact },
    { combineWith, queries: lenient },
  ];
}

/** The ranking of the first of `queries` that finds anything (the last one's, empty, otherwise). */
function firstFound(index: SearchIndex, queries: QueryTree[], keep: Uint8Array | undefined): Ranking {
  let ranking: Ranking | undefined;
  for (const query of queries) {
    ranking = rankQuery(index.words, query, BOOSTS_BY_FIELD, keep);
    if (ranking.total > 0) break;
  }
  return ranking!;
}

/** 1 for each document the filters keep, 0 for the others; none without a filter. */
function keptDocuments(index: SearchIndex, { country, verdict }: SearchFilters): Uint8Array | undefined {
  if (!country && !verdict) return undefined;
  const keep = new Uint8Array(index.documents.length);
  index.documents.forEach((document, doc) => {
    if ((!country || document.country.slug === country) && (!verdict || document.verdict === verdict)) keep[doc] = 1;
  });
  return keep;
}

function toHit(document: SearchDocument, matched: ReadonlySet<string>, locale: Locale): SearchHit {
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
