import type { Country, CrisisWatchEntry } from '../content';
import { formatMonth } from '../format';
import type { Locale } from '../i18n/locales';
import { messages } from '../i18n/messages';
import { verdictLines } from '../verdict-lines';
import type { OgImageInput } from './render-og-image';

/** What each page's share image says, in the page's language (the renderer draws it). */

export function siteShareImage(locale: Locale): OgImageInput {
  // The site's name is the image's header already.
  return { locale, eyebrow: 'CrisisWatch', title: messages(locale).site.imageTitle };
}

/** A country: its region, its name, and its latest verdict and alerts (or just "CrisisWatch" before its first month). */
export function countryShareImage(country: Pick<Country, 'name' | 'region'> & { entries: readonly Pick<CrisisWatchEntry, 'month' | 'verdict' | 'alerts'>[] }, locale: Locale): OgImageInput {
  const latest = country.entries[0];
  return { locale, eyebrow: country.region.join(' › '), title: country.name, subtitle: latest ? undefined : 'CrisisWatch', lines: latest ? verdictLines(latest, locale) : [] };
}

/** A month of a country: "Mali, février 2023" and that month's verdict and alerts. */
export function entryShareImage(country: Pick<Country, 'name'>, entry: Pick<CrisisWatchEntry, 'month' | 'verdict' | 'alerts'>, locale: Locale): OgImageInput {
  return { locale, eyebrow: 'CrisisWatch', title: `${country.name}, ${formatMonth(entry.month, locale)}`, lines: verdictLines(entry, locale) };
}
