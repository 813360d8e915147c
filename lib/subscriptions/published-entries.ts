import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { ContentTree } from '../content';
import { DEFAULT_LOCALE, LOCALES, TRANSLATION_LOCALES } from '../i18n/locales';
import type { PublishedEntry } from './announcements';

/**
 * What a build published, written next to it by `npm run build`: the update mail announces
 * entries the build holds (so every link in a message leads to a page that exists), not whatever
 * is in the content folder when a server starts.
 */
export const PUBLISHED_ENTRIES_FILE = 'published-entries.json';

const manifestSchema = z.object({
  entries: z.array(
    z.object({
      country: z.string(),
      month: z.string(),
      notify: z.boolean(),
      // A build made before the French edition recorded no languages: its entries were English only.
      languages: z.array(z.enum(LOCALES)).default([DEFAULT_LOCALE]),
    }),
  ),
});

/** Each entry, with the languages its text exists in (English always; a translation when its file is in the tree). */
export function publishedEntriesOf(tree: ContentTree): PublishedEntry[] {
  return tree.countries.flatMap((country) =>
    country.entries.map((entry) => ({
      country: country.slug,
      month: entry.month,
      notify: entry.notify,
      languages: [DEFAULT_LOCALE, ...TRANSLATION_LOCALES.filter((locale) => entry.translations?.[locale] !== undefined)],
    })),
  );
}

export async function writePublishedEntries(distDir: string, tree: ContentTree): Promise<{ file: string; entries: number }> {
  const entries = publishedEntriesOf(tree);
  const file = path.join(distDir, PUBLISHED_ENTRIES_FILE);
  await writeFile(file, `${JSON.stringify({ entries })}\n`);
  return { file, entries: entries.length };
}

/** The build's entries, or undefined where there is no build (the development server). */
export async function readPublishedEntries(distDir: string): Promise<PublishedEntry[] | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(distDir, PUBLISHED_ENTRIES_FILE), 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    throw error;
  }
  return manifestSchema.parse(JSON.parse(text)).entries;
}
