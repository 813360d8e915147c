import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { VerdictTimeline } from '@/components/verdict-timeline';
import { getVerdictHistory } from '@/lib/content/verdict-history';
import { loadFictionalCountry } from '../fictional-content';

describe('the verdict timeline over twenty years', async () => {
  const country = await loadFictionalCountry(240);
  const html = renderToStaticMarkup(<VerdictTimeline history={getVerdictHistory(country, 'en')} headingId="history" locale="en" />);

  it('draws one named link a month', () => {
    const links = [...html.matchAll(/<a href="([^"]+)" aria-label="([^"]+)"/g)];
    expect(links).toHaveLength(240);
    expect(links[0]?.slice(1)).toEqual(['/ruritania/crisiswatch/2005-01', 'January 2005: unchanged situation']);
    expect(links.at(-1)?.slice(1)).toEqual(['/ruritania/crisiswatch/2024-12', 'December 2024: improved situation']);
  });

  it('gives every verdict its own shape, so colour is not the only cue', () => {
    expect(html.match(/class="shape-deteriorated"/g)?.length).toBeGreaterThanOrEqual(60);
    expect(html.match(/class="shape-improved"/g)?.length).toBeGreaterThanOrEqual(60);
    expect(html.match(/class="shape-unchanged"/g)?.length).toBeGreaterThanOrEqual(120);
  });

  it('repeats the data as a table with a row a month', () => {
    expect(html.match(/<tr><th scope="row">/g)).toHaveLength(240);
    expect(html).toContain('<th scope="row">April 2005</th><td>Improved Situation</td><td>Conflict Risk Alert</td>');
  });

  it('stays a legible size: a row a year', () => {
    const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(html);
    expect(Number(viewBox?.[2])).toBe(20 + 26 * 20);
  });
});
