import { stemmer } from '@orama/stemmers/french';
import { stopwords } from '@orama/stopwords/french';
import { ENGLISH_STOP_WORDS, foldWord } from './fold';

/**
 * French words as the French edition's search sees them. Each word is indexed and looked up as
 * written (case and accents folded: its typos and prefixes are then forgiven as in English) and
 * by its stems, Snowball's French stemmer applied to the word with its accents and without them:
 * the stemmer reads accents ("dégradées" gives "dégrad", "degradees" "degrade"), so one stem
 * alone would part a reader who types without accents from the text that has them.
 *
 * Stop words: Snowball's French list (as @orama/stopwords ships it), and the English list too,
 * since the French edition also holds English texts (quotes, months not translated yet), less
 * "or" (gold, a Sahel story) and "an" (a year), which are French words worth finding.
 */
const STOP_WORDS = new Set([...stopwords.map(foldWord), ...[...ENGLISH_STOP_WORDS].filter((word) => word !== 'or' && word !== 'an')]);

const NONE: string[] = [];

/** Stems are asked for every word of every text: a bounded memo, since queries bring new words. */
const MEMO_LIMIT = 50_000;
const memo = new Map<string, string[]>();

/** The terms of a French token: the folded word first, then its stems that differ from it; none for a stop word. Shared: never changed. */
export function frenchTerms(token: string): string[] {
  const known = memo.get(token);
  if (known) return known;
  const folded = foldWord(token);
  let terms = NONE;
  if (folded && !STOP_WORDS.has(folded)) {
    // Numbers (2023, 1er) are searched as written.
    terms = /\d/.test(folded) ? [folded] : [...new Set([folded, stemmer(folded), foldWord(stemmer(token.toLowerCase()))])];
  }
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(token, terms);
  return terms;
}
