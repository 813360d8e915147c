import MiniSearch from 'minisearch';
import type { ContentTree } from '../content';
import type { Locale } from '../i18n/locales';
import { toSearchDocuments, type SearchDocument } from './documents';
import { fuzzyFor, prefixFor, termsOf, tokenize } from './terms';

/** Title words count most, then the lead, then the body. */
export const FIELD_BOOSTS = { title: 3, lead: 2, body: 1 } as const;
const FIELDS = Object.keys(FIELD_BOOSTS) as (keyof typeof FIELD_BOOSTS)[];

/** What MiniSearch indexes: a document and its place in the tie-break order, which is its id there. */
type Indexed = SearchDocument & { rank: number };

export type SearchIndex = {
  /** The edition it searches: its words are processed as that language's (terms.ts). */
  locale: Locale;
  miniSearch: MiniSearch<Indexed>;
  /**
   * What a hit shows, newest first then by id; a document's place here is its id in MiniSearch,
   * so equal scores are ordered by comparing two numbers (kept here, not in MiniSearch's stored
   * fields, so it is held once).
   */
  documents: SearchDocument[];
  /** The country slugs and names of the tree, in its order: what the country filter offers. */
  countries: { slug: string; name: string }[];
};

/** The index of `tree` (the tree readers of `locale` get) for the search page in `locale`. */
export function buildSearchIndex(tree: ContentTree, locale: Locale): SearchIndex {
  const documents = toSearchDocuments(tree, locale).sort((a, b) => compare(b.date ?? '', a.date ?? '') || compare(a.id, b.id));
  const miniSearch = new MiniSearch<Indexed>({
    idField: 'rank',
    fields: FIELDS,
    storeFields: [],
    tokenize,
    processTerm: termsOf(locale),
    searchOptions: { boost: { ...FIELD_BOOSTS }, fuzzy: fuzzyFor, prefix: prefixFor, combineWith: 'AND' },
  });
  miniSearch.addAll(documents.map((document, rank) => ({ ...document, rank })));
  return {
    locale,
    miniSearch,
    documents,
    countries: tree.countries.map((country) => ({ slug: country.slug, name: country.name })),
  };
}

/** Code-unit order: dates (YYYY-MM, YYYY-MM-DD) and ids are ASCII. Undated (profiles) sort last. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One index per loaded tree, built on first use: the tree is loaded once per process in
 * production (so is this), and again after an edit in development (lib/content/index.ts), when
 * the new tree object gets a new index and the old one goes with the old tree. Kept on
 * globalThis, as the tree is, so every Next bundle that searches shares one.
 */
const INDEXES = Symbol.for('crisis-briefings.search-indexes');
// By language too: the English tree is its own English edition, and the documents' links differ.
type IndexHolder = { [INDEXES]?: WeakMap<ContentTree, Map<Locale, SearchIndex>> };

export function getSearchIndex(tree: ContentTree, locale: Locale): SearchIndex {
  const holder = globalThis as IndexHolder;
  const indexes = (holder[INDEXES] ??= new WeakMap());
  let byLocale = indexes.get(tree);
  if (!byLocale) {
    byLocale = new Map();
    indexes.set(tree, byLocale);
  }
  let index = byLocale.get(locale);
  if (!index) {
    index = buildSearchIndex(tree, locale);
    byLocale.set(locale, index);
  }
  return index;
}
