import { DEFAULT_LOCALE, TRANSLATION_LOCALES, type Locale } from '../i18n/locales';
import type { TranslationLocale } from './file-names';
import type { ContentTree, Country, CrisisWatchEntry, Quote } from './load-content';

/**
 * The content tree as a reader of `locale` gets it: each country, entry and quote in its
 * translation where there is one, else in English, and `lang` saying which, so a page marks
 * English text on a French page (`lang="en"`, "Texte disponible en anglais") and never
 * translates on the fly. Facts are the English file's, whatever the language. Views, feeds,
 * search and mail take this tree as they take the English one.
 */
export function localizeTree(tree: ContentTree, locale: Locale): ContentTree {
  const translation = TRANSLATION_LOCALES.find((candidate) => candidate === locale);
  if (!translation) return tree;
  return { ...tree, countries: tree.countries.map((country) => localizeCountry(country, translation)) };
}

function localizeCountry(country: Country, locale: TranslationLocale): Country {
  const text = country.translations?.[locale];
  const words = text ? { name: text.name, region: text.region, profileHtml: text.profileHtml, profileExcerpt: text.profileExcerpt, lang: locale } : { lang: DEFAULT_LOCALE };
  return {
    ...country,
    ...words,
    entries: country.entries.map((entry) => localizeEntry(entry, locale)),
    quotes: country.quotes.map((quote) => localizeQuote(quote, locale)),
  };
}

function localizeEntry(entry: CrisisWatchEntry, locale: TranslationLocale): CrisisWatchEntry {
  const text = entry.translations?.[locale];
  if (!text) return { ...entry, lang: DEFAULT_LOCALE };
  const { lead, html, excerptHtml, excerptText } = text;
  return { ...entry, lead, html, excerptHtml, excerptText, text: text.text, lang: locale };
}

function localizeQuote(quote: Quote, locale: TranslationLocale): Quote {
  const text = quote.translations?.[locale];
  if (!text) return { ...quote, lang: DEFAULT_LOCALE };
  return { ...quote, html: text.html, title: text.title ?? quote.title, lang: locale };
}
