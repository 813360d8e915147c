import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '@/lib/content/load-content';
import { ContentValidationError, type ContentProblem } from '@/lib/content/problems';
import { countrySkeleton } from '@/lib/content-templates/skeletons';
import { iso3166Problem, mapIdOf } from '@/lib/maps/country-codes';

/** A copy of the valid fixture tree with Freedonia's country.md given an `iso3166` line. */
async function treeWithCode(code: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'iso3166-'));
  folders.push(dir);
  await cp('tests/fixtures/valid', dir, { recursive: true });
  const file = path.join(dir, 'freedonia', 'country.md');
  const source = await readFile(file, 'utf8');
  await writeFile(file, source.replace('  - Fictional Balkans\n', `  - Fictional Balkans\niso3166: ${code}\n`));
  return dir;
}

async function problemsOf(dir: string): Promise<readonly ContentProblem[]> {
  try {
    await loadContent(dir);
  } catch (error) {
    if (error instanceof ContentValidationError) return error.problems;
    throw error;
  }
  return [];
}

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('a country\'s iso3166 field', () => {
  it('is optional: the fictional fixtures load without one', async () => {
    const tree = await loadContent(path.resolve('tests/fixtures/valid'));
    expect(tree.countries.map((country) => country.iso3166)).toEqual([undefined, undefined]);
  });

  it('reports a code that is no country, with file, line and field', async () => {
    const dir = await treeWithCode('XXX');
    const problems = await problemsOf(dir);
    expect(problems).toHaveLength(1);
    // Line 6: ---, name, region, two regions, then iso3166.
    expect(problems[0]).toMatchObject({ line: 6, field: 'iso3166' });
    expect(problems[0]!.file.endsWith('/freedonia/country.md')).toBe(true);
    expect(problems[0]!.message).toMatch(/"XXX" is not an ISO 3166-1 alpha-3 country code/);
  });

  it('reports a code written other than as three capitals', async () => {
    const problems = await problemsOf(await treeWithCode('mli'));
    expect(problems[0]).toMatchObject({ line: 6, field: 'iso3166', message: expect.stringMatching(/three-letter .* in capitals, such as MLI, got "mli"/) });
  });

  it('reports a real code the map data has no shape for', async () => {
    // Tuvalu (TUV, 798) is a real ISO 3166 country that Natural Earth 1:50m does not draw.
    expect(iso3166Problem('TUV')).toMatch(/TUV \(numeric 798\) has no shape in the map data/);
    expect(mapIdOf('TUV')).toBeUndefined();
  });

  it('is checked again when the file comes from the file cache', async () => {
    const dir = await treeWithCode('XXX');
    expect(await problemsOf(dir)).toHaveLength(1);
    expect(await problemsOf(dir)).toHaveLength(1);
  });

  it('turns a real code into the numeric id world-atlas uses', () => {
    expect(mapIdOf('MLI')).toBe('466');
    expect(mapIdOf('DZA')).toBe('012');
    expect(iso3166Problem('MLI')).toBeUndefined();
  });

  it('is explained in the country skeleton, which stays valid as written', () => {
    const skeleton = countrySkeleton('ruritania');
    expect(skeleton).toMatch(/# iso3166: optional, the country's ISO 3166-1 alpha-3 code/);
    expect(skeleton).toContain('# iso3166: TODO');
  });
});
