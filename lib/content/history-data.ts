import type { Country } from './load-content';
import { toCsv } from '../csv';
import { DEFAULT_LOCALE } from '../i18n/locales';
import { pathsFor } from '../paths';

export type HistoryRow = { month: string; verdict: string; alerts: string[]; url: string };

/**
 * The verdict history as data, newest month first, with absolute URLs. The file is the same at
 * every language's address (codes, not words), so its URLs are the English pages', the source's.
 */
export function getHistoryRows(country: Country, siteUrl: string): HistoryRow[] {
  const paths = pathsFor(DEFAULT_LOCALE);
  return country.entries.map((entry) => ({
    month: entry.month,
    verdict: entry.verdict,
    alerts: [...entry.alerts],
    url: `${siteUrl}${paths.entry(country.slug, entry.month)}`,
  }));
}

export function historyToJson(country: Country, rows: HistoryRow[]): string {
  return `${JSON.stringify({ country: country.slug, name: country.name, months: rows }, null, 2)}\n`;
}

/** Alerts are joined by ";" so each month stays one CSV row. */
export function historyToCsv(rows: HistoryRow[]): string {
  return toCsv([['month', 'verdict', 'alerts', 'url'], ...rows.map((row) => [row.month, row.verdict, row.alerts.join(';'), row.url])]);
}
