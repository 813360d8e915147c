import { addMonths, format, parseISO, type Locale as DateLocale } from 'date-fns';
import { enGB, fr } from 'date-fns/locale';
import { DEFAULT_LOCALE, type Locale } from './i18n/locales';

/**
 * How each language writes dates: British English as the briefings print them ("8 Feb 2023",
 * "25 Sep 2020"), French as French publications do ("8 févr. 2023", "1er mars 2023").
 */
const DATE_LOCALES: Record<Locale, DateLocale> = { en: enGB, fr };
const NUMBER_LOCALES: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR' };

/** A date in `pattern`, in `locale`; French writes the first of a month as an ordinal, "1er". */
function formatDate(isoDate: string, pattern: string, locale: Locale): string {
  const date = parseISO(isoDate);
  const text = format(date, pattern, { locale: DATE_LOCALES[locale] });
  return locale === 'fr' && date.getDate() === 1 && pattern.startsWith('d ') ? `1er${text.slice(1)}` : text;
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
