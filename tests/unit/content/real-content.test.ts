import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '@/lib/content/load-content';

// The published content must load: a bad edit to content/ fails here before it fails the build.
describe('the real content folder', async () => {
  const { countries } = await loadContent(path.resolve('content'));
  const mali = countries.find((country) => country.slug === 'mali');

  it('has Mali with its region and profile', () => {
    expect(mali?.name).toBe('Mali');
    expect(mali?.region).toEqual(['Africa', 'Sahel']);
    expect(mali?.profileHtml).toContain('Since 2012, Mali has faced a volatile crisis');
    expect(mali?.profileHtml).toContain('Through field research, timely reports and advocacy');
  });

  it('has the February 2023 CrisisWatch entry with its verdict, period and lead', () => {
    const entry = mali?.entries.find((candidate) => candidate.month === '2023-02');
    expect(entry).toMatchObject({
      verdict: 'unchanged',
      alerts: [],
      period: { from: '2023-01-27', to: '2023-02-26' },
    });
    expect(entry?.lead).toMatch(/^Bamako expelled UN mission’s human rights chief/);
    expect(entry?.excerptHtml).toContain('Relations with UN mission MINUSMA deteriorated further.');
    for (const theme of ['MINUSMA', 'Lavrov', 'Coordination of Azawad Movements', 'Soumouni']) {
      expect(entry?.html).toContain(theme);
    }
  });

  it('has the six quotes, newest first, each with date, outlet, name and title', () => {
    expect(mali?.quotes.map((quote) => [quote.date, quote.outlet, quote.name])).toEqual([
      ['2023-02-08', 'Le Monde', 'Ibrahim Maiga'],
      ['2022-10-05', 'Foreign Policy', 'Rinaldo Depagne'],
      ['2022-01-26', 'Bloomberg', 'Ibrahim Yahaya Ibrahim'],
      ['2021-05-27', 'The Washington Post', 'Jean-Hervé Jezequel'],
      ['2020-09-25', 'Al-Jazeera', 'Jean-Hervé Jezequel'],
      ['2020-08-19', 'France24', 'Jean-Hervé Jezequel'],
    ]);
    expect(mali?.quotes[1]?.title).toBe('Deputy Program Director, Africa & Project Director, West Africa');
    expect(mali?.quotes[1]?.html).toContain('the Wagner G...');
    expect(mali?.quotes[3]?.html).toContain("[Mali's] countryside");
  });
});
