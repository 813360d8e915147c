import type { Locale } from '../i18n/locales';
import { ENGLISH_STOP_WORDS, foldWord } from './fold';
import { frenchTerms } from './french-terms';

/**
 * How text becomes search terms in each language, shared by the index, the query and the
 * snippet marks, so a word is marked in a snippet exactly when the index matched it: split on
 * spaces and punctuation (as MiniSearch does), fold case and accents (`Côte` is found by `cote`),
 * and drop the language's commonest words, which would otherwise make every multi-word query
 * require them. French also indexes each word's stems (french-terms.ts), so "attaques" finds
 * "attaque". A language's index processes all its texts its own way, English ones included: a
 * query is processed once, and finds a word only where the index processed it the same way.
 */
const SEPARATOR = /[\n\r\p{Z}\p{P}]+/u;
const WORD = /[^\n\r\p{Z}\p{P}]+/gu;

export function tokenize(text: string): string[] {
  return text.split(SEPARATOR);
}

/**
 * The index terms of a token in `locale`: one term (English, as before stemming existed), or the
 * word and its stems (French), or null for a token that is not searched (a stop word, nothing).
 */
export type TermsOf = (token: string) => string | string[] | null;

function englishTerm(token: string): string | null {
  const term = foldWord(token);
  return term && !ENGLISH_STOP_WORDS.has(term) ? term : null;
}

function frenchTerm(token: string): string[] | null {
  const terms = frenchTerms(token);
  return terms.length > 0 ? terms : null;
}

const TERMS: Record<Locale, TermsOf> = { en: englishTerm, fr: frenchTerm };

export function termsOf(locale: Locale): TermsOf {
  return TERMS[locale];
}

/** Whether a language indexes stems beside the words (and so needs a query of its own, see search.ts). */
export function hasStems(locale: Locale): boolean {
  return locale !== 'en';
}

/** Each searched word of a query: the word (folded) first, then its stems, as the index holds them. */
export function queryWords(query: string, locale: Locale): (readonly string[])[] {
  const terms = TERMS[locale];
  return tokenize(query).flatMap((token) => {
    const found = terms(token);
    return found === null ? [] : [typeof found === 'string' ? [found] : found];
  });
}

/** Each searched word of a query as written (folded), with its terms as the index holds them. */
export function queryWordForms(query: string, locale: Locale): { written: string; terms: readonly string[] }[] {
  const terms = TERMS[locale];
  return tokenize(query).flatMap((token) => {
    const found = terms(token);
    return found === null ? [] : [{ written: foldWord(token), terms: typeof found === 'string' ? [found] : found }];
  });
}

/** The searched words of a query, one term each (the word as written, folded): what is counted and bounded. */
export function queryTerms(query: string, locale: Locale): string[] {
  return queryWordForms(query, locale).map((word) => word.written);
}

/** Whether a word whose terms are `terms` is one the search matched. */
export function isMatched(terms: string | string[] | null, matched: ReadonlySet<string>): boolean {
  return terms !== null && (typeof terms === 'string' ? matched.has(terms) : terms.some((term) => matched.has(term)));
}

export type Token = { start: number; end: number; terms: string | string[] | null };

/**
 * The words of `text` from `from` on, with their places and terms in `locale`, one at a time (a
 * snippet needs only those up to its end). A word cut by `from` is left out.
 */
export function* wordsOf(text: string, locale: Locale, from = 0): Generator<Token> {
  const terms = TERMS[locale];
  const word = new RegExp(WORD.source, 'gu');
  word.lastIndex = from;
  for (let match = word.exec(text); match; match = word.exec(text)) {
    if (match.index === from && from > 0 && WORD_CHARACTER.test(text[from - 1]!)) continue;
    yield { start: match.index, end: match.index + match[0].length, terms: terms(match[0]) };
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
