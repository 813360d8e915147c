/**
 * The site's languages. English is the source of every fact and keeps the unprefixed addresses
 * (feed entry ids and every link already mailed depend on them); each other language lives under
 * its own prefix (`/fr/...`) and translates the words, never the facts.
 */
export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** The languages content can be translated into: every locale but the source's. */
export const TRANSLATION_LOCALES = LOCALES.filter((locale): locale is Exclude<Locale, typeof DEFAULT_LOCALE> => locale !== DEFAULT_LOCALE);

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}
