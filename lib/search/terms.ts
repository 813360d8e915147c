/**
 * How text becomes search terms, shared by the index, the query and the snippet marks, so a word
 * is marked in a snippet exactly when the index matched it: split on spaces and punctuation (as
 * MiniSearch does), fold case and accents (`Côte` is found by `cote`), and drop the commonest
 * English words, which would otherwise make every multi-word query require them.
 */
const SEPARATOR = /[\n\r\p{Z}\p{P}]+/u;
const WORD = /[^\n\r\p{Z}\p{P}]+/gu;

const STOP_WORDS = new Set(
  'a an and are as at be but by for from has have in into is it its of on or that the their this to was were which while with'.split(' '),
);

export function tokenize(text: string): string[] {
  return text.split(SEPARATOR);
}

/** The index term of a token, or null for a token that is not searched (a stop word, nothing). */
export function processTerm(token: string): string | null {
  // Plain ASCII (most words) has no accents to fold.
  const term = (/^[\x00-\x7f]*$/.test(token) ? token : token.normalize('NFD').replace(/\p{M}+/gu, '')).toLowerCase();
  return term && !STOP_WORDS.has(term) ? term : null;
}

/** The terms of a query, as the index will look them up. */
export function queryTerms(query: string): string[] {
  return tokenize(query).flatMap((token) => processTerm(token) ?? []);
}

export type Token = { start: number; end: number; term: string | null };

/**
 * The words of `text` from `from` on, with their places, one at a time (a snippet needs only
 * those up to its end). A word cut by `from` is left out.
 */
export function* wordsOf(text: string, from = 0): Generator<Token> {
  const word = new RegExp(WORD.source, 'gu');
  word.lastIndex = from;
  for (let match = word.exec(text); match; match = word.exec(text)) {
    if (match.index === from && from > 0 && WORD_CHARACTER.test(text[from - 1]!)) continue;
    yield { start: match.index, end: match.index + match[0].length, term: processTerm(match[0]) };
  }
}

const WORD_CHARACTER = /[^\n\r\p{Z}\p{P}]/u;

/**
 * Typo tolerance and prefix matching per term: a slip of one letter in five is forgiven
 * (`zenad` finds `Zenda`), but not in short words or numbers, where one letter makes another
 * word (`2005` must not find `2006`); prefixes from three letters (`parl` finds `parliament`).
 */
export const fuzzyFor = (term: string): number | false => (term.length >= 4 && !/\d/.test(term) ? 0.2 : false);
export const prefixFor = (term: string): boolean => term.length >= 3 && !/^\d+$/.test(term);
