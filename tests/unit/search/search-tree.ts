import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { hashOf } from '@/lib/content/file-cache';
import { loadContent, type ContentTree } from '@/lib/content/load-content';
import { writeFictionalTree } from '../../fixtures/fictional-tree';

export const MONTHS = 24;
/** A word only the draft has: a production tree must not find it. */
export const DRAFT_WORD = 'unpublishable';

/**
 * Ruritania with MONTHS generated months (January 2005 on, a quote every six months), the valid
 * Freedonia fixture, and a Freedonia draft, loaded as a production build loads them (drafts out).
 */
export async function loadSearchTree(): Promise<ContentTree> {
  const dir = await mkdtemp(path.join(tmpdir(), 'search-'));
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    // The loader's disk cache of a folder that is gone (lib/content/file-cache.ts).
    await rm(path.join(process.cwd(), 'node_modules', '.cache', 'crisis-briefings', `content-${hashOf(dir).slice(0, 16)}.json`), { force: true });
  });
  await writeFictionalTree(dir, MONTHS);
  await cp(path.resolve('tests/fixtures/valid/freedonia'), path.join(dir, 'freedonia'), { recursive: true });
  await writeFile(
    path.join(dir, 'freedonia', 'crisiswatch', '2024-07.md'),
    `---\nmonth: 2024-07\nperiod: { from: 2024-07-01, to: 2024-07-30 }\nverdict: deteriorated\nalerts: []\nlead: A fictional draft.\ndraft: true\n---\n\nAn ${DRAFT_WORD} fictional draft.\n`,
  );
  return loadContent(dir);
}
