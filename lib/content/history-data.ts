import type { Country } from './load-content';
import { entryPath } from '../paths';

export type HistoryRow = { month: string; verdict: string; alerts: string[]; url: string };

/** The verdict history as data, newest month first, with absolute URLs. */
export function getHistoryRows(country: Country, siteUrl: string): HistoryRow[] {
  return country.entries.map((entry) => ({
    month: entry.month,
    verdict: entry.verdict,
    alerts: [...entry.alerts],
    url: `${siteUrl}${entryPath(country.slug, entry.month)}`,
  }));
}

export function historyToJson(country: Country, rows: HistoryRow[]): string {
  return `${JSON.stringify({ country: country.slug, name: country.name, months: rows }, null, 2)}\n`;
}

/** RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote or line break; alerts joined by ";". */
export function historyToCsv(rows: HistoryRow[]): string {
  const lines = [['month', 'verdict', 'alerts', 'url'], ...rows.map((row) => [row.month, row.verdict, row.alerts.join(';'), row.url])];
  return `${lines.map((fields) => fields.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
