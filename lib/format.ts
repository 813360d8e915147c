import { addMonths, format, parseISO } from 'date-fns';

/** `2023-02` → `February 2023` */
export function formatMonth(yearMonth: string): string {
  return format(parseISO(`${yearMonth}-01`), 'MMMM yyyy');
}

/** `2023-02` → `2023-03`: the month an entry's alerts look ahead to. */
export function nextMonth(yearMonth: string): string {
  return format(addMonths(parseISO(`${yearMonth}-01`), 1), 'yyyy-MM');
}

/** `2023-02-08` → `8 Feb 2023`, as the briefings print dates. */
export function formatShortDate(isoDate: string): string {
  return format(parseISO(isoDate), 'd MMM yyyy');
}

/** `2023-02-08` → `8 February 2023` */
export function formatLongDate(isoDate: string): string {
  return format(parseISO(isoDate), 'd MMMM yyyy');
}

/** Trims text to at most `max` characters at a word boundary, for meta descriptions. */
export function truncateText(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
