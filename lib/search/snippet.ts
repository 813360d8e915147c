import type { Locale } from '../i18n/locales';
import { isMatched, wordsOf, type Token } from './terms';

/** A run of plain text, or a matched word the page shows in `<mark>`. */
export type TextPart = { type: 'text' | 'mark'; text: string };

/** About two lines of a result list. */
export const SNIPPET_LENGTH = 220;
/** Text kept before the first match, so it is read in context. */
const LEAD_IN = 70;

/**
 * The part of `text` around the first word with a term in `matched` (terms as `locale` makes them), at most `length`
 * characters cut at word boundaries, with `…` where text was cut, and every matched word in it
 * marked. Without a match (the query matched the title only) it is the start of the text.
 * Words are read only as far as the snippet needs: a hit's text can be long.
 */
export function snippet(text: string, matched: ReadonlySet<string>, locale: Locale, length = SNIPPET_LENGTH): TextPart[] {
  let first: Token | undefined;
  let firstMatch: Token | undefined;
  for (const word of wordsOf(text, locale)) {
    first ??= word;
    if (isMatched(word.terms, matched)) {
      firstMatch = word;
      break;
    }
  }
  if (!first) return [];
  let from = first.start;
  if (firstMatch && firstMatch.end > from + length) {
    // The first whole word that starts at most LEAD_IN characters before the match.
    from = wordsOf(text, locale, Math.max(0, firstMatch.start - LEAD_IN)).next().value?.start ?? firstMatch.start;
  }
  const inWindow: Token[] = [];
  let cut = false;
  for (const word of wordsOf(text, locale, from)) {
    if (word.end > from + length && inWindow.length > 0) {
      cut = true;
      break;
    }
    inWindow.push(word);
  }
  // Up to the end of the text (its final full stop) when the window reaches the last word.
  const to = cut ? inWindow.at(-1)!.end : text.trimEnd().length;
  const parts = markWords(text, inWindow, matched, from, to);
  if (from > first.start) parts.unshift({ type: 'text', text: '…' });
  if (cut) parts.push({ type: 'text', text: '…' });
  return merge(parts);
}

/** All of `text`, its matched words marked (for a result's title). */
export function markMatches(text: string, matched: ReadonlySet<string>, locale: Locale): TextPart[] {
  return merge(markWords(text, [...wordsOf(text, locale)], matched, 0, text.length));
}

function markWords(text: string, words: Token[], matched: ReadonlySet<string>, from: number, to: number): TextPart[] {
  const parts: TextPart[] = [];
  let at = from;
  for (const word of words) {
    if (!isMatched(word.terms, matched)) continue;
    if (word.start > at) parts.push({ type: 'text', text: text.slice(at, word.start) });
    parts.push({ type: 'mark', text: text.slice(word.start, word.end) });
    at = word.end;
  }
  if (to > at) parts.push({ type: 'text', text: text.slice(at, to) });
  return parts;
}

/** Neighbouring text runs joined, so the page renders as few nodes as it can. */
function merge(parts: TextPart[]): TextPart[] {
  const merged: TextPart[] = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if (last?.type === 'text' && part.type === 'text') last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}
