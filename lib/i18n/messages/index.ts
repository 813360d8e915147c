import type { Locale } from '../locales';
import { en, type Messages } from './en';
import { fr } from './fr';

export type { Messages } from './en';

const DICTIONARIES: Record<Locale, Messages> = { en, fr };

/** The interface's words in `locale`: called by pages (from their params), feeds, mail and CLIs alike. */
export function messages(locale: Locale): Messages {
  return DICTIONARIES[locale];
}

const lists = new Map<string, Intl.ListFormat>();

/** `Mali, Niger and Chad` / `Mali, Niger et Tchad`; `disjunction` for "or". */
export function formatList(locale: Locale, items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  const key = `${locale}:${type}`;
  let format = lists.get(key);
  if (!format) {
    format = new Intl.ListFormat(locale === 'en' ? 'en-GB' : locale, { style: 'long', type });
    lists.set(key, format);
  }
  return format.format(items);
}
