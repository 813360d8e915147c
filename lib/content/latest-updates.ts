import { formatMonth } from '../format';
import type { Locale } from '../i18n/locales';
import { messages } from '../i18n/messages';
import { pathsFor } from '../paths';
import type { Country } from './load-content';

export type LatestUpdate = {
  kind: 'crisiswatch' | 'news';
  /** ISO date used for ordering and shown to the reader. */
  date: string;
  title: string;
  href: string;
};

/**
 * The newest dated items of a country, across content types. A CrisisWatch entry is dated by
 * the last day its events cover; a quote by the day it was published. `except` leaves out the
 * page the list sits beside (an entry page does not list itself).
 */
export function getLatestUpdates(country: Country, locale: Locale, { limit = 5, except }: { limit?: number; except?: string } = {}): LatestUpdate[] {
  const t = messages(locale);
  const paths = pathsFor(locale);
  const entries: LatestUpdate[] = country.entries.map((entry) => ({
    kind: 'crisiswatch',
    date: entry.period.to,
    title: `${country.name}, ${formatMonth(entry.month, locale)}${t.language.colon}${t.verdicts.labels[entry.verdict]}`,
    href: paths.entry(country.slug, entry.month),
  }));
  const quotes: LatestUpdate[] = country.quotes.map((quote) => ({
    kind: 'news',
    date: quote.date,
    title: t.latest.quoteTitle(quote.name, quote.outlet),
    href: paths.quote(country.slug, quote.id),
  }));
  return [...entries, ...quotes]
    .filter((update) => update.href !== except)
    .sort((a, b) => b.date.localeCompare(a.date))
    .slice(0, limit);
}
