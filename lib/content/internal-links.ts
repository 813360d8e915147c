import { DEFAULT_LOCALE } from '../i18n/locales';
import { historyDataPath, pathsFor, splitLocale } from '../paths';
import { archivePageCount } from './archive';
import type { ContentProblem } from './problems';

/** The links into the site one file makes, at their lines in the file. */
export type LinkSource = { file: string; draft: boolean; links: { line: number; url: string }[] };

/** What the pages of a country are made from: loaded countries, or (development, one country loaded) file names. */
export type PageSource = { slug: string; entries: readonly { month: string; draft?: boolean }[] };

/**
 * An internal link (`[Burkina Faso](/burkina-faso)`) must lead to a page the build publishes:
 * otherwise the build would ship a link that answers 404. Drafts may link to each other. Every
 * page exists in every language (an untranslated text is shown in English), so `/fr/mali` is
 * checked as `/mali`.
 */
export function checkInternalLinks(countries: readonly PageSource[], sources: readonly LinkSource[]): ContentProblem[] {
  const published = pagesOf(countries, false);
  const withDrafts = pagesOf(countries, true);
  const problems: ContentProblem[] = [];
  for (const source of sources) {
    for (const { line, url } of source.links) {
      if (!leadsToPage(url, source.draft ? withDrafts : published)) {
        problems.push({ file: source.file, line, field: 'body', message: `the link to ${url} leads to no page of the site: fix it, or write the name as plain text until the page exists` });
      }
    }
  }
  return problems;
}

/** Files served once, at the root, whatever the reader's language. */
const ROOT_ONLY = new Set(['/sitemap.xml']);

function leadsToPage(url: string, pages: ReadonlySet<string>): boolean {
  return ROOT_ONLY.has(pathOf(url)) || pages.has(pathOf(splitLocale(url).path));
}

/** The site's pages at their English (unprefixed) paths, which every other language's paths share. */
function pagesOf(countries: readonly PageSource[], drafts: boolean): Set<string> {
  const paths = pathsFor(DEFAULT_LOCALE);
  // The pages every build has, whatever the content: the sections, About and the verdicts guide.
  const pages = new Set([paths.home, paths.siteFeed, paths.subscribe, paths.countries, paths.months, paths.search(), paths.about, paths.verdictsGuide]);
  for (const country of countries) {
    const entries = country.entries.filter((entry) => drafts || !entry.draft);
    pages.add(paths.country(country.slug)).add(paths.countryFeed(country.slug)).add(historyDataPath(country.slug, 'json')).add(historyDataPath(country.slug, 'csv'));
    pages.add(paths.filteredArchive(country.slug, {}));
    for (let page = 1; page <= archivePageCount(entries.length); page += 1) pages.add(paths.archive(country.slug, page));
    // A month across countries exists once any country has an entry for it.
    for (const entry of entries) pages.add(paths.entry(country.slug, entry.month)).add(paths.month(entry.month));
  }
  return pages;
}

/** `/mali/crisiswatch/2023-02?x#y` → `/mali/crisiswatch/2023-02`; a trailing slash does not matter. */
function pathOf(url: string): string {
  const bare = url.split(/[?#]/)[0] ?? url;
  return bare.length > 1 ? bare.replace(/\/+$/, '') : bare;
}
