import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { loadContent, type Country } from '@/lib/content/load-content';
import { writeFictionalTree } from '../fixtures/fictional-tree';

/** Ruritania with `months` months from January 2005, written to a temporary folder and loaded. */
export async function loadFictionalCountry(months: number): Promise<Country> {
  const dir = await mkdtemp(path.join(tmpdir(), 'fictional-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  await writeFictionalTree(dir, months);
  const { countries } = await loadContent(dir);
  const [country] = countries;
  if (!country) throw new Error('the fictional tree did not load');
  return country;
}
