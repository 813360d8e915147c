import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import { afterAll, describe, expect, it } from 'vitest';
import { hashOf } from '@/lib/content/file-cache';
import { loadContent } from '@/lib/content/load-content';
import { localizeTree } from '@/lib/content/localize';
import type { Locale } from '@/lib/i18n/locales';
import type { SearchFilters } from '@/lib/search';
import { rankQuery, type QueryTree } from '@/lib/search/query-tree';
import { buildSearchIndex, BOOSTS_BY_FIELD, FIELD_BOOSTS, FIELDS, type SearchIndex } from '@/lib/search/search-index';
import { searchContent, toQueries } from '@/lib/search/search';
import { fuzzyFor, prefixFor, termsOf, tokenize } from '@/lib/search/terms';
import { writeFictionalSite } from '../../fixtures/fictional-tree';

/**
 * query-tree.ts scores as MiniSearch 7.2 did before it (the search's ranking, snippets and marks
 * must not change): on a generated tree of three countries (two with French texts), the same
 * queries run through MiniSearch, built with the options the site gave it, find the same
 * documents in the same order (score, then the index's order) with the same matched terms.
 */
const dir = await mkdtemp(path.join(tmpdir(), 'query-tree-'));
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(path.join(process.cwd(), 'node_modules', '.cache', 'crisis-briefings', `content-${hashOf(dir).slice(0, 16)}.json`), { force: true });
});
const { countries } = await writeFictionalSite(dir, 3, 24, 6, 0.67);
const tree = await loadContent(dir);

const QUERIES = [
  'Zenda', 'ceasefire', 'Tarlenhiem', 'cesefire', 'mediator', 'parl', 'river militia', 'grain convoys', 'border guards Zenda', 'Strelsau 2006',
  `${countries[1]!.name} March 2006`, 'Zenda qwxzvb', 'qwxzvb', 'médiateurs', 'mediatuers', 'mediateur', 'milice fluviale', 'convois céréales', 'la milice', 'mars', 'gard',
];
/** Queries that find documents in both editions. */
const FOUND_IN_BOTH = ['Zenda', 'Tarlenhiem', 'parl', 'river militia', 'Zenda qwxzvb'];
const FILTERS: SearchFilters[] = [{}, { country: countries[1]!.slug }, { verdict: 'improved' }, { country: countries[0]!.slug, verdict: 'deteriorated' }];

type Indexed = { rank: number; title: string; lead: string; body: string };

/** MiniSearch with the options lib/search gave it until query-tree.ts replaced it. */
function referenceIndex(index: SearchIndex): MiniSearch<Indexed> {
  const miniSearch = new MiniSearch<Indexed>({
    idField: 'rank',
    fields: FIELDS,
    storeFields: [],
    tokenize,
    processTerm: termsOf(index.locale),
    searchOptions: { boost: { ...FIELD_BOOSTS }, fuzzy: fuzzyFor, prefix: prefixFor, combineWith: 'AND' },
  });
  miniSearch.addAll(index.documents.map((document, rank) => ({ ...document, rank })));
  return miniSearch;
}

/** The same tree as MiniSearch queries: a term is a query of its own, processed as it is. */
function toMiniSearch(query: QueryTree): Query {
  if ('term' in query) return { queries: [query.term], tokenize: (term: string) => [term], processTerm: (term: string) => term, prefix: query.prefix, fuzzy: query.fuzzy };
  return { combineWith: query.combineWith, queries: query.queries.map(toMiniSearch) };
}

const byScoreThenRank = (a: SearchResult, b: SearchResult) => b.score - a.score || (a.id as number) - (b.id as number);

describe.each(['en', 'fr'] as Locale[])('query-tree.ts against MiniSearch (%s)', (locale) => {
  const index = buildSearchIndex(locale === 'en' ? tree : localizeTree(tree, 'fr'), locale);
  const miniSearch = referenceIndex(index);

  it('holds every document', () => {
    expect(index.words.documentCount).toBe(miniSearch.documentCount);
  });

  it.each(QUERIES)('ranks "%s" as MiniSearch did, with and without filters', (q) => {
    let compared = 0;
    for (const filters of FILTERS) {
      const keep = index.documents.map((document) => (!filters.country || document.country.slug === filters.country) && (!filters.verdict || document.verdict === filters.verdict));
      const boostDocument = (rank: number) => (keep[rank] ? 1 : 0);
      for (const combineWith of ['AND', 'OR'] as const) {
        for (const query of toQueries(q, locale, combineWith)) {
          const expected = miniSearch.search(toMiniSearch(query), { boostDocument }).sort(byScoreThenRank);
          const ranking = rankQuery(index.words, query, BOOSTS_BY_FIELD, Uint8Array.from(keep, Number));
          const ordered = ranking.slice(0, ranking.total);
          expect([...ordered]).toEqual(expected.map((result) => result.id));
          // To the last bit: equal scores are told apart by the index's order, unequal ones by score.
          expect(Array.from(ordered, (doc) => ranking.scores[doc])).toEqual(expected.map((result) => result.score));
          // A page's worth alone (the best hits only, not every hit put in order) is the same.
          expect([...rankQuery(index.words, query, BOOSTS_BY_FIELD, Uint8Array.from(keep, Number)).slice(0, 10)]).toEqual([...ordered.subarray(0, 10)]);
          for (const result of expected.slice(0, 30)) expect(ranking.matchedTerms(result.id as number)).toEqual(new Set(result.terms));
          compared += expected.length;
        }
      }
    }
    // The comparison is not of empty lists only.
    if (FOUND_IN_BOTH.includes(q)) expect(compared).toBeGreaterThan(100);
  });

  it('ranks an English query as MiniSearch read it from the query string', () => {
    if (locale !== 'en') return;
    for (const q of QUERIES) {
      for (const combineWith of ['AND', 'OR'] as const) {
        const expected = miniSearch.search(q, { combineWith }).sort(byScoreThenRank);
        const [query] = toQueries(q, locale, combineWith);
        const ranking = rankQuery(index.words, query!, BOOSTS_BY_FIELD);
        expect([...ranking.slice(0, ranking.total)], q).toEqual(expected.map((result) => result.id));
      }
    }
  });

  it('pages the ranking: every page of ten, in order, is the whole list', () => {
    const all = searchContent(index, 'Zenda', {}, 1, 10_000);
    const pages = Array.from({ length: Math.ceil(all.total / 10) }, (_, page) => searchContent(index, 'Zenda', {}, page + 1, 10).hits).flat();
    expect(pages).toEqual(all.hits);
  });
});
