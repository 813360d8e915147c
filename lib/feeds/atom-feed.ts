import type { Country, CrisisWatchEntry } from '../content';
import { formatMonth } from '../format';
import type { Locale } from '../i18n/locales';
import { messages } from '../i18n/messages';
import { verdictPhrase } from '../i18n/verdict-phrase';
import { pathsFor } from '../paths';
import { escapeHtml } from '../html-escape';
import { xmlDocument, type XmlElement } from './xml';

type FeedSite = { url: string; name: string };
type FeedItem = { country: Country; entry: CrisisWatchEntry };

/**
 * Atom (RFC 4287) for one country in `locale`: every CrisisWatch entry, newest first, in full,
 * linked to that language's pages. `country` is the tree readers of `locale` get (localize.ts).
 */
export function buildCountryFeed(country: Country, site: FeedSite, locale: Locale): string {
  const paths = pathsFor(locale);
  const t = messages(locale).site;
  return buildFeed({
    site,
    locale,
    title: t.countryFeedTitle(site.name, country.name),
    description: t.countryFeedDescription(country.name),
    path: paths.countryFeed(country.slug),
    alternatePath: paths.country(country.slug),
    items: country.entries.map((entry) => ({ country, entry })),
  });
}

/** Atom for the whole site in `locale`: every country's entries, newest month first. */
export function buildSiteFeed(countries: Country[], site: FeedSite, locale: Locale): string {
  const paths = pathsFor(locale);
  const t = messages(locale).site;
  const items = countries
    .flatMap((country) => country.entries.map((entry) => ({ country, entry })))
    .sort((a, b) => b.entry.month.localeCompare(a.entry.month) || a.country.name.localeCompare(b.country.name, locale));
  return buildFeed({ site, locale, title: t.siteFeedTitle(site.name), description: t.siteFeedDescription, path: paths.siteFeed, alternatePath: paths.home, items });
}

/** `Mali, February 2023: Unchanged Situation, Conflict Risk Alert` */
export function entryTitle(country: Country, entry: CrisisWatchEntry, locale: Locale): string {
  return verdictPhrase(locale, messages(locale).month.countryInMonth(country.name, formatMonth(entry.month, locale)), entry.verdict, entry.alerts, { title: true });
}

type FeedInput = { site: FeedSite; locale: Locale; title: string; description: string; path: string; alternatePath: string; items: FeedItem[] };

const ATOM = 'http://www.w3.org/2005/Atom';

/**
 * RFC 4287. Titles, summaries and names are type="text": a reader shows them exactly as the page
 * does, whatever characters they hold. Only the content is HTML, and that is the sanitised HTML
 * the page renders (with the lead escaped into it).
 */
function buildFeed({ site, locale, title, description, path, alternatePath, items }: FeedInput): string {
  const paths = pathsFor(locale);
  const url = (relative: string) => `${site.url}${relative === '/' ? '' : relative}`;
  const text = (name: string, value: string, type?: 'text' | 'html', lang?: string): XmlElement => ({ name, attributes: { ...(type && { type }), ...(lang && { 'xml:lang': lang }) }, text: value });
  const entries = items.map(({ country, entry }): XmlElement => {
    const link = canonical(url(paths.entry(country.slug, entry.month)));
    // An entry not translated yet is in English in another language's feed, and says so.
    const textLang = entry.lang && entry.lang !== locale ? entry.lang : undefined;
    return {
      name: 'entry',
      children: [
        text('title', entryTitle(country, entry, locale), 'text'),
        text('id', link),
        { name: 'link', attributes: { href: link } },
        text('updated', updatedOf(entry).toISOString()),
        text('published', updatedOf(entry).toISOString()),
        text('summary', entry.lead, 'text', textLang),
        text('content', `<p><strong>${escapeHtml(entry.lead)}</strong></p>\n${entry.html}`, 'html', textLang),
        { name: 'category', attributes: { term: country.slug, label: country.name } },
      ],
    };
  });
  return xmlDocument({
    name: 'feed',
    attributes: { xmlns: ATOM, 'xml:lang': locale },
    children: [
      text('id', url(path)),
      text('title', title, 'text'),
      // The feed changes when its newest entry does; a fixed date keeps builds reproducible.
      text('updated', (items[0] ? updatedOf(items[0].entry) : new Date(0)).toISOString()),
      { name: 'author', children: [text('name', site.name), text('uri', canonical(site.url))] },
      { name: 'link', attributes: { rel: 'alternate', type: 'text/html', href: canonical(url(alternatePath)) } },
      { name: 'link', attributes: { rel: 'self', type: 'application/atom+xml', href: canonical(url(path)) } },
      text('subtitle', description, 'text'),
      text('rights', site.name, 'text'),
      ...entries,
    ],
  });
}

/** The URL as a reader would resolve it, so ids and links compare equal however SITE_URL is written. */
function canonical(href: string): string {
  return new URL(href).href;
}

/** An entry is dated by the last day its events cover. */
function updatedOf(entry: CrisisWatchEntry): Date {
  return new Date(`${entry.period.to}T00:00:00Z`);
}
