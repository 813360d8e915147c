import type { Metadata } from 'next';
import { formatMonth } from '../format';
import type { Locale } from '../i18n/locales';
import { messages } from '../i18n/messages';
import { pageMetadata } from '../page-metadata';
import { pathsFor } from '../paths';
import type { MonthView } from './month-view';

/** A month's title and description. The latest-month page shares them, with the month's own address as its canonical URL. */
export function monthMetadata(view: MonthView, locale: Locale): Metadata {
  const t = messages(locale).month;
  const month = formatMonth(view.month, locale);
  return pageMetadata({ locale, title: t.heading(month), description: t.description(month, view.countries.length), path: pathsFor('en').month(view.month) });
}
