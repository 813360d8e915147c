import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '@/lib/content/load-content';
import { getVerdictHistory } from '@/lib/content/verdict-history';
import { loadFictionalCountry } from '../fictional-content';

describe('verdict history of a few months', async () => {
  const { countries } = await loadContent(path.resolve('tests/fixtures/valid'));
  const history = getVerdictHistory(countries[0]!, 'en');

  it('lays the months out in their year, with gaps where there is no entry', () => {
    expect(history.years.map((row) => row.year)).toEqual([2024]);
    expect(history.years[0]!.months.map((mark) => mark?.month)).toEqual([
      undefined, undefined, undefined, '2024-04', '2024-05', '2024-06', undefined, undefined, undefined, undefined, undefined, undefined,
    ]);
  });

  it('names each mark by month, verdict and alerts, and links it to its entry', () => {
    expect(history.marks.map((mark) => [mark.accessibleName, mark.href])).toEqual([
      ['June 2024: unchanged situation', '/freedonia/crisiswatch/2024-06'],
      ['May 2024: improved situation, resolution opportunity', '/freedonia/crisiswatch/2024-05'],
      ['April 2024: deteriorated situation, conflict risk alert', '/freedonia/crisiswatch/2024-04'],
    ]);
  });

  it('is empty for a country without entries', () => {
    expect(getVerdictHistory(countries[1]!, 'en')).toEqual({ years: [], marks: [] });
  });
});

describe('verdict history of twenty years', async () => {
  const country = await loadFictionalCountry(240);
  const history = getVerdictHistory(country, 'en');

  it('has one full row a year from 2005 to 2024 and 240 marks', () => {
    expect(history.years.map((row) => row.year)).toEqual(Array.from({ length: 20 }, (_, index) => 2005 + index));
    expect(history.years.every((row) => row.months.every(Boolean))).toBe(true);
    expect(history.marks).toHaveLength(240);
    expect(history.marks[0]!.month).toBe('2024-12');
  });
});
