import { Feed } from 'feed';
import type { Country, CrisisWatchEntry } from '../content';
import { VERDICT_LABELS, ALERT_LABELS } from '../content/verdicts';
import { formatMonth } from '../format';
import { countryFeedPath, countryPath, entryPath, siteFeedPath } from '../paths';
import { escapeHtml } from '../html-escape';

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

function buildFeed({ site, title, description, path, alternatePath, items }: FeedInput): string {
  const url = (relative: string) => `${site.url}${relative === '/' ? '' : relative}`;
  const feed = new Feed({
    title,
    description,
    id: url(path),
    link: url(alternatePath),
    language: 'en',
    copyright: site.name,
    // The feed changes when its newest entry does; a fixed date keeps builds reproducible.
    updated: items[0] ? updatedOf(items[0].entry) : new Date(0),
    feedLinks: { atom: url(path) },
    author: { name: site.name, link: site.url },
  });
  for (const { country, entry } of items) {
    const link = url(entryPath(country.slug, entry.month));
    feed.addItem({
      title: entryTitle(country, entry),
      id: link,
      link,
      date: updatedOf(entry),
      published: updatedOf(entry),
      description: entry.lead,
      content: `<p><strong>${escapeHtml(entry.lead)}</strong></p>\n${entry.html}`,
      category: [{ name: country.name, term: country.slug }],
    });
  }
  return feed.atom1();
}

/** An entry is dated by the last day its events cover. */
function updatedOf(entry: CrisisWatchEntry): Date {
  return new Date(`${entry.period.to}T00:00:00Z`);
}
