import type { ContentTree } from '../content';
import type { Locale } from '../i18n/locales';
import { toSearchDocuments, type SearchDocument } from './documents';
import { buildInvertedIndex, type InvertedIndex } from './inverted-index';
import { termsOf, tokenize } from './terms';

/** Title words count most, then the lead, then the body. */
export const FIELD_BOOSTS = { title: 3, lead: 2, body: 1 } as const;
export const FIELDS = Object.keys(FIELD_BOOSTS) as (keyof typeof FIELD_BOOSTS)[];
/** Each field's boost by its place in FIELDS, as the index numbers fields. */
export const BOOSTS_BY_FIELD: readonly number[] = FIELDS.map((field) => FIELD_BOOSTS[field]);

export type SearchIndex = {
  /** The edition it searches: its words are processed as that language's (terms.ts). */
  locale: Locale;
  /** Every document's words, a document's id being its place in `documents`. */
  words: InvertedIndex;
  /**
   * What a hit shows, newest first then by id; a document's place here is its id in the index,
   * so equal scores are ordered by comparing two numbers.
   */
  documents: SearchDocument[];
  /** The country slugs and names of the tree, in its order: what the country filter offers. */
  countries: { slug: string; name: string }[];
};

/** The index of `tree` (the tree readers of `locale` get) for the search page in `locale`. */
export function buildSearchIndex(tree: ContentTree, locale: Locale): SearchIndex {
  const documents = toSearchDocuments(tree, locale).sort((a, b) => compare(b.date ?? '', a.date ?? '') || compare(a.id, b.id));
  return {
    locale,
    words: buildInvertedIndex(documents, FIELDS, tokenize, termsOf(locale)),
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
