import type { Country, CrisisWatchEntry } from '../content';
import { VERDICT_LABELS, ALERT_LABELS } from '../content/verdicts';
import { formatMonth } from '../format';
import { countryFeedPath, countryPath, entryPath, siteFeedPath } from '../paths';
import { escapeHtml } from '../html-escape';
import { xmlDocument, type XmlElement } from './xml';

type FeedSite = { url: string; name: string };
type FeedItem = { country: Country; entry: CrisisWatchEntry };

/** Atom (RFC 4287) for one country: every CrisisWatch entry, newest first, in full. */
export function buildCountryFeed(country: Country, site: FeedSite): string {
  return buildFeed({
    site,
    title: `${site.name}: CrisisWatch ${country.name}`,
    description: `Monthly CrisisWatch verdicts and entries on ${country.name}.`,
    path: countryFeedPath(country.slug),
    alternatePath: countryPath(country.slug),
    items: country.entries.map((entry) => ({ country, entry })),
  });
}

/** Atom for the whole site: every country's entries, newest month first. */
export function buildSiteFeed(countries: Country[], site: FeedSite): string {
  const items = countries
    .flatMap((country) => country.entries.map((entry) => ({ country, entry })))
    .sort((a, b) => b.entry.month.localeCompare(a.entry.month) || a.country.name.localeCompare(b.country.name));
  return buildFeed({ site, title: `${site.name}: CrisisWatch`, description: 'Monthly CrisisWatch verdicts and entries on every country we follow.', path: siteFeedPath(), alternatePath: '/', items });
}

export function entryTitle(country: Country, entry: CrisisWatchEntry): string {
  const alerts = entry.alerts.map((alert) => ALERT_LABELS[alert]);
  return `${country.name}, ${formatMonth(entry.month)}: ${[VERDICT_LABELS[entry.verdict], ...alerts].join(', ')}`;
}

type FeedInput = { site: FeedSite; title: string; description: string; path: string; alternatePath: string; items: FeedItem[] };

const ATOM = 'http://www.w3.org/2005/Atom';

/**
 * RFC 4287. Titles, summaries and names are type="text": a reader shows them exactly as the page
 * does, whatever characters they hold. Only the content is HTML, and that is the sanitised HTML
 * the page renders (with the lead escaped into it).
 */
function buildFeed({ site, title, description, path, alternatePath, items }: FeedInput): string {
  const url = (relative: string) => `${site.url}${relative === '/' ? '' : relative}`;
  const text = (name: string, value: string, type?: 'text' | 'html'): XmlElement => ({ name, attributes: type ? { type } : {}, text: value });
  const entries = items.map(({ country, entry }): XmlElement => {
    const link = canonical(url(entryPath(country.slug, entry.month)));
    return {
      name: 'entry',
      children: [
        text('title', entryTitle(country, entry), 'text'),
        text('id', link),
        { name: 'link', attributes: { href: link } },
        text('updated', updatedOf(entry).toISOString()),
        text('published', updatedOf(entry).toISOString()),
        text('summary', entry.lead, 'text'),
        text('content', `<p><strong>${escapeHtml(entry.lead)}</strong></p>\n${entry.html}`, 'html'),
        { name: 'category', attributes: { term: country.slug, label: country.name } },
      ],
    };
  });
  return xmlDocument({
    name: 'feed',
    attributes: { xmlns: ATOM, 'xml:lang': 'en' },
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
