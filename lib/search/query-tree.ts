import { firstInOrder } from './first-in-order';
import { hasTerm, type InvertedIndex } from './inverted-index';

/**
 * A query as search.ts builds it: a term (with its prefix and typo allowance), or terms combined
 * (every one required, or any). It is scored exactly as MiniSearch 7.2's `search` scored the same
 * query over the same index (BM25 with its parameters and weights, sums in its order, a hit's
 * score times the number of query terms it matched; tests/unit/search/query-tree.test.ts compares
 * the two), over dense arrays of one number a document: a common word matches every document,
 * and MiniSearch made and merged an object for each.
 */
export type TermQuery = { term: string; prefix: boolean; fuzzy: number | false };
export type QueryTree = TermQuery | { combineWith: 'AND' | 'OR'; queries: QueryTree[] };

/** MiniSearch's defaults, which this site never changed. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const WEIGHTS = { fuzzy: 0.45, prefix: 0.375 };
const MAX_FUZZY = 6;

/** The hits of a query, best first; only the hits a page shows are put in order and get their matched terms. */
export type Ranking = {
  total: number;
  /** The ids of the hits from place `from` to `to` (excluded) in the order by score, then id. */
  slice(from: number, to: number): Uint32Array;
  /** Each document's score (0: not a hit), as MiniSearch gave it. */
  scores: Float64Array;
  /** The index terms `doc` matched (its own words, prefixes and typos of the query's), to mark in its title and snippet. */
  matchedTerms(doc: number): Set<string>;
};

/** A scored node: a score per document (0 where the node does not match it) and which query terms each matched (a bit each). */
type Scored = {
  scores: Float64Array;
  /** `words` 32-bit words per document. */
  sources: Uint32Array;
  /** A term's derived terms (the term itself, its prefixes, its typos) that have postings; a combination's parts. */
  derived?: { term: string; id: number }[];
  combineWith?: 'AND' | 'OR';
  parts?: Scored[];
};

/** `keep[doc]` is 0 for a document a filter leaves out: it is never scored, as with MiniSearch's `boostDocument` returning 0. */
export function rankQuery(index: InvertedIndex, query: QueryTree, boosts: readonly number[], keep?: Uint8Array): Ranking {
  const sourceBits = new Map<string, number>();
  collectSources(query, sourceBits);
  const words = Math.max(1, Math.ceil(sourceBits.size / 32));
  const root = score(index, query, { boosts, keep, sourceBits, words });
  const finals = new Float64Array(index.documentCount);
  let total = 0;
  for (let doc = 0; doc < finals.length; doc += 1) {
    if (root.scores[doc]! > 0) {
      let quality = 0;
      for (let word = 0; word < words; word += 1) quality += bitCount(root.sources[doc * words + word]!);
      finals[doc] = root.scores[doc]! * (quality || 1);
      total += 1;
    }
  }
  const hits = new Uint32Array(total);
  let at = 0;
  for (let doc = 0; doc < finals.length; doc += 1) if (finals[doc]! > 0) hits[at++] = doc;
  // Score, then the index's order (newest first), so a page's contents never shuffle.
  const before = (a: number, b: number) => finals[b]! - finals[a]! || a - b;
  let sorted: Uint32Array | undefined;
  const slice = (from: number, to: number) => {
    const end = Math.min(to, total);
    // A first page needs its ten best, not the order of every hit: a common word matches every document.
    if (!sorted && end <= total / 8) return firstInOrder(hits, end, before).subarray(Math.min(from, end), end);
    sorted ??= hits.slice().sort(before);
    return sorted.subarray(Math.min(from, end), end);
  };
  return { total, slice, scores: finals, matchedTerms: (doc) => matchedTerms(index, root, doc, new Set()) };
}

type Context = { boosts: readonly number[]; keep?: Uint8Array; sourceBits: Map<string, number>; words: number };

function collectSources(query: QueryTree, bits: Map<string, number>): void {
  if ('term' in query) {
    if (!bits.has(query.term)) bits.set(query.term, bits.size);
  } else for (const part of query.queries) collectSources(part, bits);
}

function score(index: InvertedIndex, query: QueryTree, context: Context): Scored {
  if ('term' in query) return scoreTerm(index, query, context);
  const parts = query.queries.map((part) => score(index, part, context));
  if (parts.length === 0) return { scores: new Float64Array(index.documentCount), sources: new Uint32Array(index.documentCount * context.words), parts, combineWith: query.combineWith };
  // MiniSearch folds the parts from the left: ((a + b) + c), which decides the last bits of a score.
  let { scores, sources } = parts[0]!;
  for (const part of parts.slice(1)) [scores, sources] = combine(scores, sources, part, query.combineWith, context.words);
  return { scores, sources, parts, combineWith: query.combineWith };
}

function combine(scores: Float64Array, sources: Uint32Array, part: Scored, combineWith: 'AND' | 'OR', words: number): [Float64Array, Uint32Array] {
  const combined = new Float64Array(scores.length);
  const combinedSources = new Uint32Array(sources.length);
  for (let doc = 0; doc < scores.length; doc += 1) {
    const a = scores[doc]!;
    const b = part.scores[doc]!;
    if (combineWith === 'AND' ? a > 0 && b > 0 : a > 0 || b > 0) {
      combined[doc] = a > 0 && b > 0 ? a + b : a > 0 ? a : b;
      for (let word = doc * words; word < (doc + 1) * words; word += 1) combinedSources[word] = sources[word]! | part.sources[word]!;
    }
  }
  return [combined, combinedSources];
}

/** One query term: the term itself, then its longer forms (prefix), then its typos, each derived term's postings in every field, as MiniSearch's executeQuerySpec. */
function scoreTerm(index: InvertedIndex, query: TermQuery, context: Context): Scored {
  const scores = new Float64Array(index.documentCount);
  const derived: { term: string; id: number }[] = [];
  const add = (term: string, id: number, weight: number) => {
    derived.push({ term, id });
    addPostings(index, id, weight, scores, context);
  };
  const exact = index.terms.get(query.term);
  if (exact !== undefined) add(query.term, exact, 1);
  const prefixes = query.prefix ? index.terms.atPrefix(query.term) : undefined;
  let typos: Map<string, [number, number]> | undefined;
  if (query.fuzzy) {
    const maxDistance = query.fuzzy < 1 ? Math.min(MAX_FUZZY, Math.round(query.term.length * query.fuzzy)) : query.fuzzy;
    if (maxDistance) typos = index.terms.fuzzyGet(query.term, maxDistance);
  }
  if (prefixes) {
    for (const [term, id] of prefixes) {
      const distance = term.length - query.term.length;
      if (!distance) continue;
      // A longer form found both ways counts as a prefix only.
      typos?.delete(term);
      add(term, id, (WEIGHTS.prefix * term.length) / (term.length + 0.3 * distance));
    }
  }
  if (typos) {
    for (const [term, [id, distance]] of typos) {
      if (!distance) continue;
      add(term, id, (WEIGHTS.fuzzy * term.length) / (term.length + distance));
    }
  }
  const sources = new Uint32Array(index.documentCount * context.words);
  const bit = context.sourceBits.get(query.term)!;
  const word = bit >>> 5;
  const mask = 1 << (bit & 31);
  for (let doc = 0; doc < scores.length; doc += 1) if (scores[doc]! > 0) sources[doc * context.words + word] = mask;
  return { scores, sources, derived };
}

/** Adds a derived term's BM25 score, times its weight and each field's boost, to every document it is in. */
function addPostings(index: InvertedIndex, id: number, termWeight: number, scores: Float64Array, { boosts, keep }: Context): void {
  const { k, b, d } = BM25;
  const documentCount = index.documentCount;
  for (let field = 0; field < index.fieldCount; field += 1) {
    const start = index.starts[id * index.fieldCount + field]!;
    const end = index.starts[id * index.fieldCount + field + 1]!;
    if (start === end) continue;
    const matching = end - start;
    const average = index.averageFieldLengths[field]!;
    const inverseFrequency = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5));
    // MiniSearch multiplies termWeight × termBoost (1) × fieldBoost × documentBoost (1) × BM25, left to right.
    const weight = termWeight * boosts[field]!;
    for (let at = start; at < end; at += 1) {
      const doc = index.docs[at]!;
      if (keep && !keep[doc]) continue;
      const termFreq = index.freqs[at]!;
      const fieldLength = index.fieldLengths[doc * index.fieldCount + field]!;
      scores[doc]! += weight * (inverseFrequency * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / average))));
    }
  }
}

/** The derived terms of every part that counted `doc` (the parts of an AND all did, or it would not be a hit). */
function matchedTerms(index: InvertedIndex, node: Scored, doc: number, into: Set<string>): Set<string> {
  if (node.derived) {
    for (const { term, id } of node.derived) if (hasTerm(index, id, doc)) into.add(term);
  }
  for (const part of node.parts ?? []) if (part.scores[doc]! > 0) matchedTerms(index, part, doc, into);
  return into;
}

function bitCount(value: number): number {
  let count = 0;
  for (let rest = value; rest !== 0; rest &= rest - 1) count += 1;
  return count;
}
