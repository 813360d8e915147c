import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '@/lib/content/load-content';
import type { Alert, Verdict } from '@/lib/content/schemas';
import { latestMonth, monthView, monthsWithEntries, type CountryEntries } from '@/lib/crisiswatch/month-view';
import { pathsFor } from '@/lib/paths';
import { messages } from '@/lib/i18n/messages';
import { writeMonthViewCountries } from '../../fixtures/fictional-tree';

/** An invented country with the given months, each `[month, verdict, alerts?]`, in any order. */
function country(name: string, months: [string, Verdict, Alert[]?][]): CountryEntries {
  const slug = name.toLowerCase();
  return { slug, name, entries: months.map(([month, verdict, alerts = []]) => ({ month, verdict, alerts, lead: `${name} lead for ${month}.` })) };
}

const COUNTRIES = [
  country('Zandovia', [
    ['2024-03', 'deteriorated', ['conflict-risk-alert']],
    ['2024-01', 'unchanged'],
  ]),
  country('Freedonia', [
    ['2024-03', 'improved', ['resolution-opportunity']],
    ['2023-11', 'improved'],
  ]),
  country('Ruritania', [
    ['2024-03', 'deteriorated', ['conflict-risk-alert', 'resolution-opportunity']],
    ['2024-01', 'deteriorated'],
  ]),
  country('Veldovia', []),
];

const namesIn = (view: ReturnType<typeof monthView>) => Object.fromEntries((view?.groups ?? []).map((group) => [group.id, group.countries.map((c) => c.name)]));

describe('months across countries', () => {
  it('lists every month any country has an entry for, oldest first, each once', () => {
    expect(monthsWithEntries(COUNTRIES)).toEqual(['2023-11', '2024-01', '2024-03']);
    expect(latestMonth(COUNTRIES)).toBe('2024-03');
  });

  it('has no months and no latest month when no country has an entry', () => {
    expect(monthsWithEntries([country('Veldovia', [])])).toEqual([]);
    expect(latestMonth([])).toBeUndefined();
  });
});

describe('a month grouped as CrisisWatch groups it', () => {
  it('lists a country under each of its alerts and again under its verdict, alphabetical within a group', () => {
    expect(namesIn(monthView(COUNTRIES, '2024-03', 'en'))).toEqual({
      'conflict-risk-alert': ['Ruritania', 'Zandovia'],
      'resolution-opportunity': ['Freedonia', 'Ruritania'],
      deteriorated: ['Ruritania', 'Zandovia'],
      improved: ['Freedonia'],
      unchanged: [],
    });
  });

  it('keeps the five groups in CrisisWatch order with their headings, empty ones included', () => {
    const view = monthView(COUNTRIES, '2024-01', 'en');
    expect(view?.groups.map((group) => messages('en').month.groups[group.id])).toEqual(['Conflict Risk Alerts', 'Resolution Opportunities', 'Deteriorated Situations', 'Improved Situations', 'Unchanged Situations']);
    expect(namesIn(view)).toEqual({ 'conflict-risk-alert': [], 'resolution-opportunity': [], deteriorated: ['Ruritania'], improved: [], unchanged: ['Zandovia'] });
  });

  it('gives each country its name, verdict, alerts, lead and the link to its entry; the table rows are every country once', () => {
    const view = monthView(COUNTRIES, '2024-03', 'en');
    expect(view?.countries).toEqual([
      { slug: 'freedonia', name: 'Freedonia', verdict: 'improved', alerts: ['resolution-opportunity'], lead: 'Freedonia lead for 2024-03.', href: '/freedonia/crisiswatch/2024-03', draft: false },
      { slug: 'ruritania', name: 'Ruritania', verdict: 'deteriorated', alerts: ['conflict-risk-alert', 'resolution-opportunity'], lead: 'Ruritania lead for 2024-03.', href: '/ruritania/crisiswatch/2024-03', draft: false },
      { slug: 'zandovia', name: 'Zandovia', verdict: 'deteriorated', alerts: ['conflict-risk-alert'], lead: 'Zandovia lead for 2024-03.', href: '/zandovia/crisiswatch/2024-03', draft: false },
    ]);
  });

  it('links the nearest months that have entries, skipping months without any', () => {
    expect(monthView(COUNTRIES, '2024-01', 'en')).toMatchObject({ previous: '2023-11', next: '2024-03' });
    const oldest = monthView(COUNTRIES, '2023-11', 'en');
    expect(oldest?.previous).toBeUndefined();
    expect(oldest?.next).toBe('2024-01');
    expect(monthView(COUNTRIES, '2024-03', 'en')?.next).toBeUndefined();
  });

  it('marks a draft, which only the development server has in its tree', () => {
    const withDraft = [...COUNTRIES, { slug: 'veldovia', name: 'Veldovia', entries: [{ month: '2024-03', verdict: 'improved' as const, alerts: [], lead: 'A fictional draft.', draft: true }] }];
    expect(monthView(withDraft, '2024-03', 'en')?.countries.map((c) => [c.name, c.draft])).toEqual([
      ['Freedonia', false],
      ['Ruritania', false],
      ['Veldovia', true],
      ['Zandovia', false],
    ]);
  });

  it('has no view for a month no country has an entry for', () => {
    expect(monthView(COUNTRIES, '2024-02', 'en')).toBeUndefined();
    expect(monthView(COUNTRIES, 'not-a-month', 'en')).toBeUndefined();
    expect(monthView([], '2024-03', 'en')).toBeUndefined();
  });

  it('builds its addresses in lib/paths', () => {
    expect(pathsFor('en').months).toBe('/crisiswatch');
    expect(pathsFor('en').month('2024-03')).toBe('/crisiswatch/2024-03');
    expect(pathsFor('fr').month('2024-03')).toBe('/fr/crisiswatch/2024-03');
  });
});

describe('the invented countries the browser tests build', () => {
  it('give December 2024 every group, both alerts included, and January 2024 no alert', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'month-view-'));
    try {
      await writeMonthViewCountries(dir);
      const { countries } = await loadContent(dir);
      expect(monthsWithEntries(countries)).toHaveLength(12);
      expect(namesIn(monthView(countries, '2024-12', 'en'))).toEqual({
        'conflict-risk-alert': ['Zandovia'],
        'resolution-opportunity': ['Veldovia'],
        deteriorated: ['Tavdovia', 'Zandovia'],
        improved: ['Veldovia'],
        unchanged: ['Pelldovia'],
      });
      expect(namesIn(monthView(countries, '2024-01', 'en'))).toEqual({
        'conflict-risk-alert': [],
        'resolution-opportunity': [],
        deteriorated: ['Pelldovia', 'Tavdovia'],
        improved: ['Zandovia'],
        unchanged: ['Veldovia'],
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
