import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '@/lib/content/load-content';
import { problemLinesOf } from './problems-of';

const fixture = (name: string) => path.resolve('tests/fixtures', name);

describe('loadContent on a valid tree', async () => {
  const { countries } = await loadContent(fixture('valid'));

  it('finds every country folder, sorted by name', () => {
    expect(countries.map((country) => country.slug)).toEqual(['freedonia', 'ruritania']);
  });

  it('orders entries newest month first and keeps verdicts and alerts', () => {
    const freedonia = countries[0];
    expect(freedonia?.entries.map((entry) => [entry.month, entry.verdict, entry.alerts])).toEqual([
      ['2024-06', 'unchanged', []],
      ['2024-05', 'improved', ['resolution-opportunity']],
      ['2024-04', 'deteriorated', ['conflict-risk-alert']],
    ]);
  });

  it('renders the whole body and an excerpt of its first paragraph only', () => {
    const entry = countries[0]?.entries[0];
    expect(entry?.html).toContain('A second paragraph');
    expect(entry?.excerptHtml).toContain('Fictional parliament met');
    expect(entry?.excerptHtml).not.toContain('A second paragraph');
  });

  it('accepts a country with no entries and no quotes', () => {
    expect(countries[1]).toMatchObject({ name: 'Ruritania', entries: [], quotes: [] });
  });
});

describe('loadContent on a missing folder', () => {
  it('says the folder was not found', async () => {
    await expect(loadContent(fixture('does-not-exist'))).rejects.toThrow(/does-not-exist: content folder not found/);
  });
});

describe('every problem is reported in one run', () => {
  it('lists each bad file of the tree, one line each', async () => {
    expect(await problemLinesOf('invalid/many-problems')).toEqual([
      'tests/fixtures/invalid/many-problems/freedonia/crisiswatch/2024-05.md:6: verdict: expected one of deteriorated | improved | unchanged, got "worse"',
      'tests/fixtures/invalid/many-problems/freedonia/quotes/2024-02-30-rufus-firefly.md:2: date: "2024-02-30" is not a real date',
      'tests/fixtures/invalid/many-problems/ruritania/country.md: region: expected a list of regions, broadest first, such as [Africa, Sahel]',
    ]);
  });
});
