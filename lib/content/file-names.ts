import { createHash } from 'node:crypto';
import { DEFAULT_LOCALE, TRANSLATION_LOCALES } from '../i18n/locales';
import { WORD_FIELDS, type FACT_FIELDS } from './schemas';

/**
 * The names of content files, in one place: the loader, the route lister and the scaffold read
 * them alike. An English source is `<stem>.md`; its translation is `<stem>.<language>.md`
 * (`country.fr.md`, `2023-02.fr.md`, `2023-02-08-ibrahim-maiga.fr.md`).
 */
export type TranslationLocale = (typeof TRANSLATION_LOCALES)[number];

/** A CrisisWatch entry's stem is its month. */
export const ENTRY_STEM = /^\d{4}-\d{2}$/;
/** A quote's stem is its date and the expert's first-last name. */
export const QUOTE_STEM = /^(\d{4}-\d{2}-\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const PROFILE_STEM = 'country';

export type ContentFileName =
  | { kind: 'source'; stem: string }
  | { kind: 'translation'; stem: string; locale: TranslationLocale }
  /** `<stem>.<language>.md` in a language the site does not have, or in English (the source's language). */
  | { kind: 'unknown-language'; stem: string; language: string }
  | { kind: 'other' };

export function parseContentFileName(name: string): ContentFileName {
  const match = /^([^.]+)(?:\.([^.]+))?\.md$/.exec(name);
  if (!match) return { kind: 'other' };
  const [, stem, language] = match as unknown as [string, string, string | undefined];
  if (language === undefined) return { kind: 'source', stem };
  const locale = TRANSLATION_LOCALES.find((candidate) => candidate === language);
  return locale ? { kind: 'translation', stem, locale } : { kind: 'unknown-language', stem, language };
}

/** What an editor is told about `name` in an unknown language. */
export function unknownLanguageMessage(stem: string, language: string): string {
  if (language === DEFAULT_LOCALE) return `English is the source language: name this file ${stem}.md`;
  const known = TRANSLATION_LOCALES.map((locale) => `${stem}.${locale}.md`).join(' or ');
  return `"${language}" is not a language of the site: a translation is named ${known}`;
}

export const translationFileName = (stem: string, locale: TranslationLocale) => `${stem}.${locale}.md`;

/**
 * The version of a source's words that a translation records: its translatable fields and its
 * body, hashed. Facts (a verdict corrected, a date) do not change it, so only a change to what
 * the translator translated marks the translation stale.
 */
export function wordsVersion(kind: keyof typeof FACT_FIELDS, data: unknown, body: string): string {
  const fields = (data ?? {}) as Record<string, unknown>;
  const words = WORD_FIELDS[kind].map((field) => fields[field] ?? null);
  return createHash('sha256').update(JSON.stringify(words)).update('\n').update(body.trim()).digest('hex').slice(0, 12);
}

/**
 * What `npm run new -- translation` puts before each English text to translate. A translation
 * that still holds it is refused, so a half-done one cannot reach French readers as French.
 */
export const UNTRANSLATED_MARK = 'TODO: translate';
