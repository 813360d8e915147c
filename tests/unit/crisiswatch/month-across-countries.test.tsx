import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MonthAcrossCountries } from '@/components/crisiswatch-month/month-across-countries';
import { MonthBrief } from '@/components/crisiswatch-month/month-brief';
import { monthView, type CountryEntries } from '@/lib/crisiswatch/month-view';

const COUNTRIES: CountryEntries[] = [
  {
    slug: 'zandovia',
    name: 'Zandovia',
    entries: [
      { month: '2024-03', verdict: 'deteriorated', alerts: ['conflict-risk-alert'], lead: 'Fictional envoys left Zandovia.' },
      { month: '2024-02', verdict: 'unchanged', alerts: [], lead: 'Fictional talks in Zandovia.' },
    ],
  },
  { slug: 'freedonia', name: 'Freedonia', entries: [{ month: '2024-03', verdict: 'unchanged', alerts: [], lead: 'Fictional calm in Freedonia.' }] },
  { slug: 'veldovia', name: 'Veldovia', entries: [{ month: '2024-04', verdict: 'improved', alerts: [], lead: 'Fictional accord in Veldovia.' }] },
];
const view = monthView(COUNTRIES, '2024-03')!;
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('a month across countries, rendered on the server', () => {
  const html = renderToStaticMarkup(<MonthAcrossCountries view={view} />);

  it('names the month, then the groups in CrisisWatch order, each a labelled section', () => {
    expect(html).toContain('<h1>CrisisWatch: March 2024</h1>');
    const headings = [...html.matchAll(/<h2 id="([^"]+)">([^<]+)<\/h2>/g)].map((match) => match[2]);
    expect(headings).toEqual(['Conflict Risk Alerts', 'Resolution Opportunities', 'Deteriorated Situations', 'Improved Situations', 'Unchanged Situations', 'Country by country']);
    for (const [, id] of html.matchAll(/<h2 id="([^"]+)">/g)) expect(html).toContain(`aria-labelledby="${id}"`);
  });

  it('lists a country under its alert and its verdict, with verdict and alert in words, lead and entry link', () => {
    expect(html.match(/href="\/zandovia\/crisiswatch\/2024-03"/g)).toHaveLength(3);
    expect(text(html)).toContain('Zandovia Deteriorated Situation ⚠ Conflict Risk Alert Fictional envoys left Zandovia.');
    // Each group's link is named with the month, so a list of links tells them apart.
    expect(html).toContain('aria-label="Zandovia, March 2024"');
    expect(text(html)).toContain('Resolution Opportunities None this month.');
    expect(text(html)).toContain('Improved Situations None this month.');
  });

  it('repeats the facts in a captioned table, a row a country, alphabetical', () => {
    expect(html).toContain('<caption>CrisisWatch March 2024: each country’s verdict and alerts</caption>');
    expect(text(html.slice(html.indexOf('<tbody>')))).toContain(
      'Freedonia Unchanged Situation None Read CrisisWatch Freedonia, March 2024 Zandovia Deteriorated Situation Conflict Risk Alert Read CrisisWatch Zandovia, March 2024',
    );
  });

  it('links the months before and after as prev and next, and nothing client-side', () => {
    expect(html).toMatch(/<a rel="prev" href="\/crisiswatch\/2024-02">(?:(?!<\/a>).)*Previous month: February 2024<\/a>/);
    expect(html).toMatch(/<a rel="next" href="\/crisiswatch\/2024-04">Next month: April 2024(?:(?!<\/a>).)*<\/a>/);
    expect(html).not.toContain('<script');
  });
});

describe('a draft on the development server', () => {
  it('is marked in words', () => {
    const withDraft = [...COUNTRIES, { slug: 'pelldovia', name: 'Pelldovia', entries: [{ month: '2024-03', verdict: 'improved' as const, alerts: [], lead: 'A fictional draft.', draft: true }] }];
    const html = renderToStaticMarkup(<MonthAcrossCountries view={monthView(withDraft, '2024-03')!} />);
    expect(html.match(/Draft: not published/g)).toHaveLength(1);
    expect(text(html)).toContain('Pelldovia Draft: not published Improved Situation');
  });
});

describe('the latest month, at /crisiswatch', () => {
  it('is the month’s own page, which it links as the permanent address', () => {
    const html = renderToStaticMarkup(<MonthAcrossCountries view={view} latest />);
    expect(text(html)).toContain('This is the latest month. Its permanent address: CrisisWatch March 2024');
    expect(html).toContain('<a href="/crisiswatch/2024-03">CrisisWatch March 2024</a>');
    expect(renderToStaticMarkup(<MonthAcrossCountries view={view} />)).not.toContain('permanent address');
  });
});

describe('the latest month in brief, for the home page', () => {
  const html = renderToStaticMarkup(<MonthBrief view={view} />);

  it('counts each group and names its countries, linking the month', () => {
    expect(text(html)).toContain('Conflict Risk Alerts: 1 Zandovia');
    expect(text(html)).toContain('Improved Situations: 0 None this month');
    expect(text(html)).toContain('Unchanged Situations: 1 Freedonia');
    expect(html).toContain('href="/crisiswatch"');
  });
});
