import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { hashOf } from '@/lib/content/file-cache';
import { loadContent, type ContentTree } from '@/lib/content/load-content';
import { writeFrenchTranslation } from '../../fixtures/fictional-french';
import { writeFictionalTree } from '../../fixtures/fictional-tree';

export const MONTHS = 24;
/** A word only the draft has: a production tree must not find it. */
export const DRAFT_WORD = 'unpublishable';
/** Freedonia's June 2024 in French: every word handling French search needs, in invented events. */
export const FRENCH_LEAD = 'Le gouvernement fictif de ce pays de test a tenu des pourparlers en juin 2024.';
export const FRENCH_BODY = [
  'Le parlement fictif s’est réuni puis a ajourné ses travaux. Une attaque contre l’armée fictive a été signalée ; la situation reste inchangée. Les relations se sont dégradées et les négociations ont échoué.',
  'Un second paragraphe, inventé lui aussi, parle de la guerre entre deux armées imaginaires.',
].join('\n\n');

/**
 * Ruritania with MONTHS generated months (January 2005 on, a quote every six months), the valid
 * Freedonia fixture, and a Freedonia draft, loaded as a production build loads them (drafts out).
 * Freedonia's profile and June 2024 are translated into (invented) French: the French edition's
 * search has French texts, and English ones (Ruritania, Freedonia's other months and its quotes).
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
  const freedonia = path.join(dir, 'freedonia');
  await writeFrenchTranslation('country', path.join(freedonia, 'country.md'), 'name: Freedonie\nregion: [Europe, Balkans fictifs]', 'La Freedonie est un pays inventé pour les tests.');
  await writeFrenchTranslation('crisiswatch', path.join(freedonia, 'crisiswatch', '2024-06.md'), `lead: ${FRENCH_LEAD}`, FRENCH_BODY);
  return loadContent(dir);
}
