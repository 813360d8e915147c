import { formatMonth } from '../format';
import type { Locale } from '../i18n/locales';
import { verdictPhrase } from '../i18n/verdict-phrase';
import { pathsFor } from '../paths';
import type { Country, CrisisWatchEntry } from './load-content';
import type { Alert, Verdict } from './schemas';

export type HistoryMark = {
  month: string;
  /** `February 2023` */
  label: string;
  verdict: Verdict;
  alerts: Alert[];
  href: string;
  /** What a screen reader announces for the mark: `February 2023: unchanged situation`. */
  accessibleName: string;
};

export type HistoryYear = {
  year: number;
  /** Twelve slots, January first; a month without an entry is `undefined`. */
  months: (HistoryMark | undefined)[];
};

export type VerdictHistory = {
  /** Oldest year first, every year between the first and last entry included. */
  years: HistoryYear[];
  /** Every mark, newest first, for the table and the data files. */
  marks: HistoryMark[];
};

export function toHistoryMark(country: string, entry: Pick<CrisisWatchEntry, 'month' | 'verdict' | 'alerts'>, locale: Locale): HistoryMark {
  const label = formatMonth(entry.month, locale);
  return {
    month: entry.month,
    label,
    verdict: entry.verdict,
    alerts: entry.alerts,
    href: pathsFor(locale).entry(country, entry.month),
    accessibleName: verdictPhrase(locale, label, entry.verdict, entry.alerts),
  };
}

/** Lays a country's months out as a calendar of years, the shape the timeline draws. */
export function getVerdictHistory(country: Country, locale: Locale): VerdictHistory {
  const marks = country.entries.map((entry) => toHistoryMark(country.slug, entry, locale));
  if (marks.length === 0) return { years: [], marks };
  const byMonth = new Map(marks.map((mark) => [mark.month, mark]));
  const years: HistoryYear[] = [];
  const first = Number(marks.at(-1)!.month.slice(0, 4));
  const last = Number(marks[0]!.month.slice(0, 4));
  for (let year = first; year <= last; year += 1) {
    const months = Array.from({ length: 12 }, (_, index) => byMonth.get(`${year}-${String(index + 1).padStart(2, '0')}`));
    years.push({ year, months });
  }
  return { years, marks };
}
