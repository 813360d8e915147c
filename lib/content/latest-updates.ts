import { formatMonth } from '../format';
import type { Locale } from '../i18n/locales';
import { messages } from '../i18n/messages';
import { pathsFor } from '../paths';
import type { Country, CrisisWatchEntry, Quote } from './load-content';

export type LatestUpdate = {
  kind: 'crisiswatch' | 'news';
  /** ISO date used for ordering and shown to the reader. */
  date: string;
  title: string;
  href: string;
};

type Dated = { date: string; entry: CrisisWatchEntry; quote?: undefined } | { date: string; quote: Quote; entry?: undefined };

/**
 * A country's entries and quotes, newest first (entries before quotes on the same day), kept per
 * country object: every entry page of the archive asks for the same country's list, and building
 * and sorting it each time was a measurable part of the build (docs/benchmarks.md).
 */
const newestFirstByCountry = new WeakMap<Country, Dated[]>();

function newestFirst(country: Country): Dated[] {
  let dated = newestFirstByCountry.get(country);
  if (!dated) {
    dated = [...country.entries.map((entry) => ({ date: entry.period.to, entry })), ...country.quotes.map((quote) => ({ date: quote.date, quote }))];
    dated.sort((a, b) => b.date.localeCompare(a.date));
    newestFirstByCountry.set(country, dated);
  }
  return dated;
}

/**
 * The newest dated items of a country, across content types. A CrisisWatch entry is dated by
 * the last day its events cover; a quote by the day it was published. `except` leaves out the
 * page the list sits beside (an entry page does not list itself). Titles are written for the
 * items kept only.
 */
export function getLatestUpdates(country: Country, locale: Locale, { limit = 5, except }: { limit?: number; except?: string } = {}): LatestUpdate[] {
  const t = messages(locale);
  const paths = pathsFor(locale);
  const updates: LatestUpdate[] = [];
  for (const item of newestFirst(country)) {
    if (updates.length >= limit) break;
    const href = item.entry ? paths.entry(country.slug, item.entry.month) : paths.quote(country.slug, item.quote.id);
    if (href === except) continue;
    updates.push(
      item.entry
        ? {
            kind: 'crisiswatch',
            date: item.date,
            title: `${country.name}, ${formatMonth(item.entry.month, locale)}${t.language.colon}${t.verdicts.labels[item.entry.verdict]}`,
            href,
          }
        : { kind: 'news', date: item.date, title: t.latest.quoteTitle(item.quote.name, item.quote.outlet), href },
    );
  }
  return updates;
}
