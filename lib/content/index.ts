import path from 'node:path';
import { getSettings } from '../config/settings';
import { watchContent } from './content-watch';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { loadContent, type ContentTree, type Country, type CrisisWatchEntry } from './load-content';
import { localizeTree } from './localize';

export type { ContentTree, Country, CrisisWatchEntry, Quote } from './load-content';
export { ContentValidationError, formatProblem, type ContentProblem } from './problems';

/** CONTENT_DIR, read when first needed (not on import: a bad setting is reported by whoever starts). */
export const defaultContentDir = () => path.resolve(getSettings().CONTENT_DIR);

/**
 * The content tree is parsed, validated and rendered once per process and shared by every
 * page, metadata function and route (kept on globalThis: Next bundles this module once for
 * pages and again for route handlers). In development drafts are included (shown with a
 * banner), and the tree is loaded again only after a file under the content folder changed,
 * so an editor sees an edit (or its error) on reload while other reloads cost nothing; the
 * files that did not change come from the file cache. A country or entry page in development
 * loads its own country's folder alone unless the whole tree is at hand: with an archive of
 * thousands of files, that is the difference between a preview in a second and in a minute.
 */
type LoadedTree = { tree: Promise<ContentTree>; generation: number };
const TREES = Symbol.for('crisis-briefings.content-trees');
type TreeHolder = { [TREES]?: Map<string, LoadedTree> };

const isDevelopment = () => process.env.NODE_ENV === 'development';

function loadTree(contentDir: string, onlyCountry?: string): Promise<ContentTree> {
  const holder = globalThis as TreeHolder;
  const trees = (holder[TREES] ??= new Map());
  const development = isDevelopment();
  const key = onlyCountry === undefined ? contentDir : `${contentDir}\0${onlyCountry}`;
  // Read before loading, so a change made while the tree loads is seen by the next request.
  const generation = development ? watchContent(contentDir).generation : 0;
  const loaded = trees.get(key);
  if (loaded && loaded.generation === generation) return loaded.tree;
  const tree = loadContent(contentDir, { includeDrafts: development, onlyCountry });
  const entry = { tree, generation };
  trees.set(key, entry);
  // A failed load is not kept: the next request tries again (in development, after the fix).
  tree.catch(() => {
    if (trees.get(key) === entry) trees.delete(key);
  });
  return tree;
}

/** The whole tree, when it is loaded (or loading) and still current. */
function currentWholeTree(contentDir: string): Promise<ContentTree> | undefined {
  const loaded = (globalThis as TreeHolder)[TREES]?.get(contentDir);
  return loaded && loaded.generation === watchContent(contentDir).generation ? loaded.tree : undefined;
}

export function getContent(contentDir: string = defaultContentDir()): Promise<ContentTree> {
  return loadTree(contentDir);
}

/**
 * Each loaded tree in each language, built once (a reload loads a new tree, so this never goes
 * stale). On globalThis, as the tree is: the search index is kept by tree object, so a French
 * tree made again in another Next bundle would build its index again.
 */
const LOCALIZED = Symbol.for('crisis-briefings.localized-trees');
type LocalizedHolder = { [LOCALIZED]?: WeakMap<ContentTree, Map<Locale, ContentTree>> };

function inLocale(tree: ContentTree, locale: Locale): ContentTree {
  if (locale === DEFAULT_LOCALE) return tree;
  const localizedTrees = ((globalThis as LocalizedHolder)[LOCALIZED] ??= new WeakMap());
  let byLocale = localizedTrees.get(tree);
  if (!byLocale) localizedTrees.set(tree, (byLocale = new Map()));
  let localized = byLocale.get(locale);
  if (!localized) byLocale.set(locale, (localized = localizeTree(tree, locale)));
  return localized;
}

/** The tree as a reader of `locale` gets it: translated words where there are some, English (marked) elsewhere. */
export async function getContentIn(locale: Locale, contentDir: string = defaultContentDir()): Promise<ContentTree> {
  return inLocale(await getContent(contentDir), locale);
}

export async function getCountries(locale: Locale = DEFAULT_LOCALE, contentDir?: string): Promise<Country[]> {
  return (await getContentIn(locale, contentDir)).countries;
}

export async function getCountry(slug: string, locale: Locale = DEFAULT_LOCALE, contentDir: string = defaultContentDir()): Promise<Country | undefined> {
  const tree = isDevelopment() ? (currentWholeTree(contentDir) ?? loadTree(contentDir, slug)) : getContent(contentDir);
  return inLocale(await tree, locale).countries.find((country) => country.slug === slug);
}

/** Whether the site has a country of this slug (in every language: translations add no country). */
export async function isCountry(slug: string): Promise<boolean> {
  return (await getCountries()).some((country) => country.slug === slug);
}

export type EntryInContext = {
  country: Country;
  entry: CrisisWatchEntry;
  /** The month before, if the archive has it. */
  previous?: CrisisWatchEntry;
  next?: CrisisWatchEntry;
};

export async function getCrisisWatchEntry(slug: string, month: string, locale: Locale = DEFAULT_LOCALE, contentDir?: string): Promise<EntryInContext | undefined> {
  const country = await getCountry(slug, locale, contentDir);
  if (!country) return undefined;
  const index = country.entries.findIndex((entry) => entry.month === month);
  if (index === -1) return undefined;
  // entries run newest first, so the older month sits after this one
  return { country, entry: country.entries[index]!, previous: country.entries[index + 1], next: country.entries[index - 1] };
}
