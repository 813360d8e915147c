import path from 'node:path';
import { getSettings } from '../config/settings';
import { loadContent, type ContentTree, type Country, type CrisisWatchEntry } from './load-content';

export type { ContentTree, Country, CrisisWatchEntry, Quote } from './load-content';
export { ContentValidationError, formatProblem, type ContentProblem } from './problems';

/** CONTENT_DIR, read when first needed (not on import: a bad setting is reported by whoever starts). */
export const defaultContentDir = () => path.resolve(getSettings().CONTENT_DIR);

/**
 * The content tree is parsed, validated and rendered once per process and shared by every
 * page, metadata function and static-params call. In development drafts are included (shown
 * with a banner), and the tree is loaded again when a request comes more than a moment after
 * the last load, so an editor sees a change (or its error) on reload; unchanged files come from
 * the file cache, so a reload costs a read and a hash per file.
 */
const trees = new Map<string, Promise<ContentTree>>();
const DEVELOPMENT_REUSE_MS = 1_000;
const loadedAt = new Map<string, number>();

export function getContent(contentDir: string = defaultContentDir()): Promise<ContentTree> {
  const development = process.env.NODE_ENV === 'development';
  let tree = trees.get(contentDir);
  // One page render asks for the tree several times (metadata, params, the page): one load serves them.
  if (tree && development && Date.now() - (loadedAt.get(contentDir) ?? 0) > DEVELOPMENT_REUSE_MS) tree = undefined;
  if (!tree) {
    tree = loadContent(contentDir, { includeDrafts: development });
    trees.set(contentDir, tree);
    loadedAt.set(contentDir, Date.now());
    // A failed load is not kept: the next request tries again (in development, after the fix).
    tree.catch(() => trees.delete(contentDir));
  }
  return tree;
}

export async function getCountries(contentDir?: string): Promise<Country[]> {
  return (await getContent(contentDir)).countries;
}

export async function getCountry(slug: string, contentDir?: string): Promise<Country | undefined> {
  return (await getCountries(contentDir)).find((country) => country.slug === slug);
}

export type EntryInContext = {
  country: Country;
  entry: CrisisWatchEntry;
  /** The month before, if the archive has it. */
  previous?: CrisisWatchEntry;
  next?: CrisisWatchEntry;
};

export async function getCrisisWatchEntry(slug: string, month: string, contentDir?: string): Promise<EntryInContext | undefined> {
  const country = await getCountry(slug, contentDir);
  if (!country) return undefined;
  const index = country.entries.findIndex((entry) => entry.month === month);
  if (index === -1) return undefined;
  // entries run newest first, so the older month sits after this one
  return { country, entry: country.entries[index]!, previous: country.entries[index + 1], next: country.entries[index - 1] };
}
