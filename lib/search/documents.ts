import type { ContentTree } from '../content';
import type { Verdict } from '../content/schemas';
import { formatMonth } from '../format';
import type { Locale } from '../i18n/locales';
import { messages } from '../i18n/messages';
import { pathsFor } from '../paths';
import { htmlToText } from './html-text';

export const SEARCH_KINDS = ['profile', 'entry', 'quote'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** One searchable page or part of a page: a country profile, a CrisisWatch month, a quote. */
export type SearchDocument = {
  /** Unique across the tree: `entry:mali:2023-02`. */
  id: string;
  kind: SearchKind;
  country: { slug: string; name: string };
  href: string;
  /** Searched first: the country's name, `Mali, February 2023`, the expert and their title. */
  title: string;
  /** Searched second: the entry's lead, the profile's regions, the quote's outlet. */
  lead: string;
  /** Searched last, and the text snippets are cut from (after the lead). */
  body: string;
  /** For ordering equal scores, newest first; and shown: YYYY-MM (a month) or YYYY-MM-DD (a quote). */
  date?: string;
  verdict?: Verdict;
  /** The text's language where it is not the edition's: an English month or quote in the French edition. */
  lang?: Locale;
};

/**
 * Every document of the tree, in the tree's order, for readers of `locale` (the tree as
 * localize.ts gives it to them): links to that language's pages, months in its words. The
 * tree's HTML and text are read, never changed.
 */
export function toSearchDocuments(tree: ContentTree, locale: Locale): SearchDocument[] {
  const paths = pathsFor(locale);
  const t = messages(locale);
  // localize.ts says which language each text is in; the English tree says none (all English).
  const langOf = (text: { lang?: Locale }) => (text.lang && text.lang !== locale ? { lang: text.lang } : {});
  return tree.countries.flatMap((country) => {
    const owner = { slug: country.slug, name: country.name };
    const profile: SearchDocument = {
      id: `profile:${country.slug}`,
      kind: 'profile',
      country: owner,
      href: paths.country(country.slug),
      title: country.name,
      lead: country.region.join(', '),
      body: htmlToText(country.profileHtml),
      ...langOf(country),
    };
    const entries = country.entries.map(
      (entry): SearchDocument => ({
        id: `entry:${country.slug}:${entry.month}`,
        kind: 'entry',
        country: owner,
        href: paths.entry(country.slug, entry.month),
        title: t.month.countryInMonth(country.name, formatMonth(entry.month, locale)),
        lead: entry.lead,
        body: entry.text,
        date: entry.month,
        verdict: entry.verdict,
        ...langOf(entry),
      }),
    );
    const quotes = country.quotes.map(
      (quote): SearchDocument => ({
        id: `quote:${country.slug}:${quote.id}`,
        kind: 'quote',
        country: owner,
        href: paths.quote(country.slug, quote.id),
        title: `${quote.name}, ${quote.title}`,
        lead: quote.outlet,
        body: htmlToText(quote.html),
        date: quote.date,
        ...langOf(quote),
      }),
    );
    return [profile, ...entries, ...quotes];
  });
}
