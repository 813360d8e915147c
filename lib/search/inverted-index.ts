import SearchableMap from 'minisearch/SearchableMap';
import type { TermsOf } from './terms';

/**
 * The words of every document, field by field, held as MiniSearch 7.2 holds them (the same
 * tokens, terms, field lengths and average lengths, so query-tree.ts scores exactly as MiniSearch
 * did) but in flat typed arrays instead of a Map of Maps for every term: a query reads the
 * postings of a word found in all 14,000 documents as a loop over two arrays, where MiniSearch
 * looked each document up in several Maps and made an object for it.
 */
export type InvertedIndex = {
  documentCount: number;
  fieldCount: number;
  /** Each term (in the order MiniSearch would have met them, so prefix and typo look-ups list them in its order) → its number. */
  terms: SearchableMap<number>;
  /** Postings of term t in field f: `docs` and `freqs` from `starts[t * fieldCount + f]` to the next start, documents ascending. */
  starts: Uint32Array;
  docs: Uint32Array;
  freqs: Uint32Array;
  /** A document's field length (its distinct tokens, as MiniSearch counts): `fieldLengths[doc * fieldCount + f]`. */
  fieldLengths: Uint32Array;
  averageFieldLengths: number[];
};

type Builder = { docs: number[][]; freqs: number[][] };

/** Indexes `documents` (their place in the array is their id) by `fields`, tokenised and turned into terms as MiniSearch's `add` does. */
export function buildInvertedIndex<D>(documents: readonly D[], fields: readonly (keyof D & string)[], tokenize: (text: string) => string[], termsOf: TermsOf): InvertedIndex {
  const fieldCount = fields.length;
  const byTerm = new Map<string, Builder>();
  const fieldLengths = new Uint32Array(documents.length * fieldCount);
  const averageFieldLengths: number[] = [];
  const add = (term: string, field: number, doc: number) => {
    let builder = byTerm.get(term);
    if (!builder) {
      builder = { docs: Array.from({ length: fieldCount }, () => []), freqs: Array.from({ length: fieldCount }, () => []) };
      byTerm.set(term, builder);
    }
    const docs = builder.docs[field]!;
    const freqs = builder.freqs[field]!;
    // Documents come in order, so a document's postings are always the last ones.
    if (docs.at(-1) === doc) freqs[freqs.length - 1]! += 1;
    else {
      docs.push(doc);
      freqs.push(1);
    }
  };
  documents.forEach((document, doc) => {
    fields.forEach((name, field) => {
      const value = document[name];
      if (value == null) return;
      const tokens = tokenize(String(value));
      const length = new Set(tokens).size;
      fieldLengths[doc * fieldCount + field] = length;
      // MiniSearch's running average, in its arithmetic, so scores come out bit for bit the same.
      averageFieldLengths[field] = ((averageFieldLengths[field] || 0) * doc + length) / (doc + 1);
      for (const token of tokens) {
        const terms = termsOf(token);
        if (Array.isArray(terms)) for (const term of terms) add(term, field, doc);
        else if (terms) add(terms, field, doc);
      }
    });
  });
  let total = 0;
  for (const builder of byTerm.values()) for (const docs of builder.docs) total += docs.length;
  const starts = new Uint32Array(byTerm.size * fieldCount + 1);
  const docs = new Uint32Array(total);
  const freqs = new Uint32Array(total);
  let at = 0;
  let slot = 0;
  const terms = new SearchableMap<number>();
  for (const [term, builder] of byTerm) {
    terms.set(term, slot / fieldCount);
    for (let field = 0; field < fieldCount; field += 1) {
      starts[slot++] = at;
      docs.set(builder.docs[field]!, at);
      freqs.set(builder.freqs[field]!, at);
      at += builder.docs[field]!.length;
    }
  }
  starts[slot] = at;
  return { documentCount: documents.length, fieldCount, terms, starts, docs, freqs, fieldLengths, averageFieldLengths };
}

/** Whether `doc` has term number `term` in any field (a binary search in each field's postings). */
export function hasTerm(index: InvertedIndex, term: number, doc: number): boolean {
  for (let field = 0; field < index.fieldCount; field += 1) {
    let low = index.starts[term * index.fieldCount + field]!;
    let high = index.starts[term * index.fieldCount + field + 1]!;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const at = index.docs[middle]!;
      if (at === doc) return true;
      if (at < doc) low = middle + 1;
      else high = middle;
    }
  }
  return false;
}
