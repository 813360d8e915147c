import { addMonths, format, parseISO, type Locale as DateLocale } from 'date-fns';
import { enGB, fr } from 'date-fns/locale';
import { DEFAULT_LOCALE, type Locale } from './i18n/locales';

/**
 * How each language writes dates: British English as the briefings print them ("8 Feb 2023",
 * "25 Sep 2020"), French as French publications do ("8 févr. 2023", "1er mars 2023").
 */
const DATE_LOCALES: Record<Locale, DateLocale> = { en: enGB, fr };
const NUMBER_LOCALES: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR' };

/**
 * Dates already written, by pattern, language and date. A build writes the same few thousand
 * dates over and over (each entry page names its months and the latest updates' days), and
 * date-fns parses and formats each time: remembered, that work is done once per date. Bounded,
 * as a server also formats dates it is handed.
 */
const written = new Map<string, string>();
const MAX_WRITTEN = 20_000;

/** A date in `pattern`, in `locale`; French writes the first of a month as an ordinal, "1er". */
function formatDate(isoDate: string, pattern: string, locale: Locale): string {
  const key = `${pattern}|${locale}|${isoDate}`;
  const known = written.get(key);
  if (known !== undefined) return known;
  const date = parseISO(isoDate);
  const formatted = format(date, pattern, { locale: DATE_LOCALES[locale] });
  const text = locale === 'fr' && date.getDate() === 1 && pattern.startsWith('d ') ? `1er${formatted.slice(1)}` : formatted;
  if (written.size >= MAX_WRITTEN) written.clear();
  written.set(key, text);
  return text;
}

/** `2023-02` → `February 2023`, `février 2023` */
export function formatMonth(yearMonth: string, locale: Locale = DEFAULT_LOCALE): string {
  return formatDate(`${yearMonth}-01`, 'MMMM yyyy', locale);
}

/** `2023-02-08` → `8 Feb 2023`, `8 févr. 2023` */
export function formatShortDate(isoDate: string, locale: Locale = DEFAULT_LOCALE): string {
  return formatDate(isoDate, 'd MMM yyyy', locale);
}

/** `2023-02-08` → `8 February 2023`, `8 février 2023` */
export function formatLongDate(isoDate: string, locale: Locale = DEFAULT_LOCALE): string {
  return formatDate(isoDate, 'd MMMM yyyy', locale);
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();

/** `1234` → `1,234`, `1 234` */
export function formatNumber(value: number, locale: Locale = DEFAULT_LOCALE): string {
  let formatter = numberFormats.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(NUMBER_LOCALES[locale]);
    numberFormats.set(locale, formatter);
  }
  return formatter.format(value);
}

/** `2023-02` → `2023-03`: the month an entry's alerts look ahead to. */
export function nextMonth(yearMonth: string): string {
  return format(addMonths(parseISO(`${yearMonth}-01`), 1), 'yyyy-MM');
}

/** Trims text to at most `max` characters at a word boundary, for meta descriptions. */
export function truncateText(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
