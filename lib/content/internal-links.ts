import { ABOUT_PATH, COUNTRIES_PATH, MONTH_INDEX_PATH, SEARCH_PATH, SUBSCRIBE_PATH, VERDICTS_GUIDE_PATH, archivePath, countryFeedPath, countryPath, entryPath, historyDataPath, monthPath, siteFeedPath } from '../paths';
import { archivePageCount } from './archive';
import type { ContentProblem } from './problems';

/** The links into the site one file makes, at their lines in the file. */
export type LinkSource = { file: string; draft: boolean; links: { line: number; url: string }[] };

/** What the pages of a country are made from: loaded countries, or (development, one country loaded) file names. */
export type PageSource = { slug: string; entries: readonly { month: string; draft?: boolean }[] };

/**
 * An internal link (`[Burkina Faso](/burkina-faso)`) must lead to a page the build publishes:
 * otherwise the build would ship a link that answers 404. Drafts may link to each other.
 */
export function checkInternalLinks(countries: readonly PageSource[], sources: readonly LinkSource[]): ContentProblem[] {
  const published = pagesOf(countries, false);
  const withDrafts = pagesOf(countries, true);
  const problems: ContentProblem[] = [];
  for (const source of sources) {
    for (const { line, url } of source.links) {
      const target = pathOf(url);
      if (!(source.draft ? withDrafts : published).has(target)) {
        problems.push({ file: source.file, line, field: 'body', message: `the link to ${url} leads to no page of the site: fix it, or write the name as plain text until the page exists` });
      }
    }
  }
  return problems;
}

function pagesOf(countries: readonly PageSource[], drafts: boolean): Set<string> {
  // The pages every build has, whatever the content: the sections, About and the verdicts guide.
  const pages = new Set(['/', siteFeedPath(), '/sitemap.xml', SUBSCRIBE_PATH, COUNTRIES_PATH, MONTH_INDEX_PATH, SEARCH_PATH, ABOUT_PATH, VERDICTS_GUIDE_PATH]);
  for (const country of countries) {
    const entries = country.entries.filter((entry) => drafts || !entry.draft);
    pages.add(countryPath(country.slug)).add(countryFeedPath(country.slug)).add(historyDataPath(country.slug, 'json')).add(historyDataPath(country.slug, 'csv'));
    pages.add(`${archivePath(country.slug)}/filter`);
    for (let page = 1; page <= archivePageCount(entries.length); page += 1) pages.add(archivePath(country.slug, page));
    // A month across countries exists once any country has an entry for it.
    for (const entry of entries) pages.add(entryPath(country.slug, entry.month)).add(monthPath(entry.month));
  }
  return pages;
}

/** `/mali/crisiswatch/2023-02?x#y` → `/mali/crisiswatch/2023-02`; a trailing slash does not matter. */
function pathOf(url: string): string {
  const bare = url.split(/[?#]/)[0] ?? url;
  return bare.length > 1 ? bare.replace(/\/+$/, '') : bare;
}
