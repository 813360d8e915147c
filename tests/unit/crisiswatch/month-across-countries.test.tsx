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
const view = monthView(COUNTRIES, '2024-03', 'en')!;
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('a month across countries, rendered on the server', () => {
  const html = renderToStaticMarkup(<MonthAcrossCountries view={view} locale="en" />);

  it('names the month, then the groups that hold countries in CrisisWatch order, each a labelled section', () => {
    expect(html).toContain('<h1>CrisisWatch: March 2024</h1>');
    const headings = [...html.matchAll(/<h2 id="([^"]+)">([^<]+)<\/h2>/g)].map((match) => match[2]);
    expect(headings).toEqual(['Conflict Risk Alerts', 'Deteriorated Situations', 'Unchanged Situations', 'Country by country']);
    for (const [, id] of html.matchAll(/<h2 id="([^"]+)">/g)) expect(html).toContain(`aria-labelledby="${id}"`);
  });

  it('lists a country under its alert and its verdict, with verdict and alert in words, lead and entry link', () => {
    expect(html.match(/href="\/zandovia\/crisiswatch\/2024-03"/g)).toHaveLength(3);
    expect(text(html)).toContain('Zandovia Deteriorated Situation Conflict Risk Alert Fictional envoys left Zandovia.');
    // Alerts look ahead: the alert group says which month it is about.
    expect(text(html)).toContain('Conflict Risk Alerts Outlook for April 2024 Zandovia');
    // Each group's link is named with the month, so a list of links tells them apart.
    expect(html).toContain('aria-label="Zandovia, March 2024"');
  });

  it('says the empty groups once, after the groups that hold countries', () => {
    expect(text(html)).toContain('No resolution opportunity for April 2024. No situation improved in March 2024.');
    expect(html).not.toContain('None this month');
  });

  it('repeats the facts in a captioned table, a row a country, alphabetical', () => {
    expect(html).toContain('<caption>CrisisWatch March 2024: each country’s verdict and alerts</caption>');
    expect(text(html.slice(html.indexOf('<tbody>')))).toContain(
      'Freedonia Unchanged Situation None Zandovia Deteriorated Situation Conflict Risk Alert',
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
    const html = renderToStaticMarkup(<MonthAcrossCountries view={monthView(withDraft, '2024-03', 'en')!} locale="en" />);
    expect(html.match(/Draft: not published/g)).toHaveLength(1);
    expect(text(html)).toContain('Pelldovia Draft: not published Improved Situation');
  });
});

describe('the latest month in brief, for the home page', () => {
  const html = renderToStaticMarkup(<MonthBrief view={view} locale="en" />);

  it('counts each group that holds countries and names them, says the empty ones once, and links the month', () => {
    expect(text(html)).toContain('Conflict Risk Alerts: 1 Zandovia');
    expect(text(html)).toContain('Unchanged Situations: 1 Freedonia');
    expect(text(html)).not.toContain('Improved Situations');
    expect(text(html)).toContain('No resolution opportunity for April 2024. No situation improved in March 2024.');
    expect(html).toContain('href="/crisiswatch"');
  });
});
