import { formatMonth } from '../format';
import { countryPath, entryPath, quoteAnchor } from '../paths';
import type { Country } from './load-content';
import { VERDICT_LABELS } from './verdicts';

export type LatestUpdate = {
  kind: 'CrisisWatch' | 'In The News';
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
export function getLatestUpdates(country: Country, { limit = 5, except }: { limit?: number; except?: string } = {}): LatestUpdate[] {
  const entries: LatestUpdate[] = country.entries.map((entry) => ({
    kind: 'CrisisWatch',
    date: entry.period.to,
    title: `${country.name}, ${formatMonth(entry.month)}: ${VERDICT_LABELS[entry.verdict]}`,
    href: entryPath(country.slug, entry.month),
  }));
  const quotes: LatestUpdate[] = country.quotes.map((quote) => ({
    kind: 'In The News',
    date: quote.date,
    title: `${quote.name} in ${quote.outlet}`,
    href: `${countryPath(country.slug)}#${quoteAnchor(quote.id)}`,
  }));
  return [...entries, ...quotes]
    .filter((update) => update.href !== except)
    .sort((a, b) => b.date.localeCompare(a.date))
    .slice(0, limit);
}

