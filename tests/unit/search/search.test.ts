import { describe, expect, it } from 'vitest';
import { buildSearchIndex, getSearchIndex, searchContent, type SearchHit, type SearchIndex, type TextPart } from '@/lib/search';
import { FICTIONAL_VERDICTS } from '../../fixtures/fictional-tree';
import { DRAFT_WORD, loadSearchTree, MONTHS } from './search-tree';

const tree = await loadSearchTree();
const index = buildSearchIndex(tree, 'en');
const ruritania = tree.countries.find((country) => country.slug === 'ruritania')!;
const freedonia = tree.countries.find((country) => country.slug === 'freedonia')!;
const FREEDONIA_ENTRIES = freedonia.entries.map((entry) => `entry:freedonia:${entry.month}`).sort();

/** Every hit of a query, all pages. */
function allHits(searchIndex: SearchIndex, q: string, filters = {}): SearchHit[] {
  return searchContent(searchIndex, q, filters, 1, 10_000).hits;
}
const ids = (hits: SearchHit[]) => hits.map((hit) => hit.id);
const marks = (parts: TextPart[]) => parts.filter((part) => part.type === 'mark').map((part) => part.text);
const text = (parts: TextPart[]) => parts.map((part) => part.text).join('');

describe('search across profiles, CrisisWatch months and quotes', () => {
  it('indexes every profile, published entry and quote of the tree', () => {
    const expected = tree.countries.reduce((sum, country) => sum + 1 + country.entries.length + country.quotes.length, 0);
    expect(index.documents).toHaveLength(expected);
    expect(index.words.documentCount).toBe(expected);
  });

  it('finds a generated entry by a word of its text, and by its month', () => {
    const entry = ruritania.entries.find((candidate) => candidate.month === '2005-04')!;
    const word = entry.text.split(/\W+/).find((candidate) => candidate.length > 5)!;
    expect(ids(allHits(index, word))).toContain('entry:ruritania:2005-04');
    const [first] = searchContent(index, 'Ruritania April 2005').hits;
    expect(first).toMatchObject({ id: 'entry:ruritania:2005-04', kind: 'entry', href: '/ruritania/crisiswatch/2005-04', date: '2005-04', verdict: FICTIONAL_VERDICTS[3] });
  });

  it('finds exactly the entries that contain a word found nowhere else', () => {
    expect(ids(allHits(index, 'adjourned')).sort()).toEqual(FREEDONIA_ENTRIES);
  });

  it('forgives a typo, and finds a word from its beginning', () => {
    expect(ids(allHits(index, 'adjuorned')).sort()).toEqual(FREEDONIA_ENTRIES);
    expect(ids(allHits(index, 'Tarlenhiem'))).toContain('entry:ruritania:2005-04');
    expect(ids(allHits(index, 'adjour')).sort()).toEqual(FREEDONIA_ENTRIES);
    // Too many slips is another word, and a number is never "corrected" into another year.
    expect(allHits(index, 'adxxxrned')).toEqual([]);
    expect(ids(allHits(index, 'Ruritania 2006')).filter((id) => id.includes(':2005-'))).toEqual([]);
  });

  it('requires every word, and says so when it falls back to any of them', () => {
    const both = searchContent(index, 'adjourned Freedonia');
    expect(both).toMatchObject({ total: 3, matchedAllWords: true });
    const either = searchContent(index, 'adjourned qwxzvb');
    expect(either).toMatchObject({ total: 3, matchedAllWords: false });
  });

  it('never finds a draft', () => {
    expect(searchContent(index, DRAFT_WORD).total).toBe(0);
  });

  it('searches profiles and quotes, and links a quote to its anchor on the country page', () => {
    expect(searchContent(index, 'Freedonia').hits[0]).toMatchObject({ id: 'profile:freedonia', kind: 'profile', href: '/freedonia' });
    const quotes = allHits(index, 'Rassendyll');
    expect(quotes).toHaveLength(ruritania.quotes.length);
    for (const hit of quotes) expect(hit.href).toMatch(/^\/ruritania#quote-\d{4}-\d{2}-\d{2}-rudolf-rassendyll$/);
  });

  it('narrows by country and by verdict; a verdict keeps CrisisWatch months only', () => {
    const everywhere = allHits(index, 'fictional');
    expect(new Set(everywhere.map((hit) => hit.kind))).toEqual(new Set(['entry', 'quote', 'profile']));
    const inFreedonia = allHits(index, 'fictional', { country: 'freedonia' });
    expect(inFreedonia.length).toBeGreaterThan(0);
    expect(inFreedonia.length).toBeLessThan(everywhere.length);
    for (const hit of inFreedonia) expect(hit.country.slug).toBe('freedonia');
    const improved = allHits(index, 'fictional', { verdict: 'improved' });
    const improvedMonths = [...ruritania.entries, ...freedonia.entries].filter((entry) => entry.verdict === 'improved');
    expect(ids(improved).sort()).toEqual(improvedMonths.map((entry) => `entry:${entry.country}:${entry.month}`).sort());
    expect(allHits(index, 'fictional', { country: 'ruritania', verdict: 'improved' })).toHaveLength(MONTHS / FICTIONAL_VERDICTS.length);
  });

  it('pages through results in a stable order: score, then newest first', () => {
    const all = searchContent(index, 'Zenda', {}, 1, 10_000);
    expect(all.total).toBe(MONTHS + ruritania.quotes.length);
    const first = searchContent(index, 'Zenda', {}, 1, 10);
    expect(first).toMatchObject({ total: all.total, page: 1, pageCount: Math.ceil(all.total / 10) });
    const pages = Array.from({ length: first.pageCount }, (_, page) => searchContent(index, 'Zenda', {}, page + 1, 10).hits);
    expect(pages.slice(0, -1).every((hits) => hits.length === 10)).toBe(true);
    expect(ids(pages.flat())).toEqual(ids(all.hits));
    expect(ids(searchContent(index, 'Zenda', {}, 2, 10).hits)).toEqual(ids(pages[1]!));
    // A page past the end is empty, not an error: the page says there is no such page.
    expect(searchContent(index, 'Zenda', {}, first.pageCount + 1, 10)).toMatchObject({ hits: [], total: all.total });
    // Equal scores (the three Freedonia entries have the same words) come newest first.
    expect(ids(allHits(index, 'adjourned'))).toEqual([...FREEDONIA_ENTRIES].reverse());
  });

  it('shows the matched word in context, marked, in the snippet and the title', () => {
    const typo = allHits(index, 'adjuorned');
    expect(typo).toHaveLength(3);
    for (const hit of typo) {
      expect(marks(hit.snippet)).toEqual(['adjourned']);
      expect(text(hit.snippet)).toContain('Fictional parliament met and adjourned.');
    }
    const [profile] = searchContent(index, 'freedonia').hits;
    expect(marks(profile!.title)).toEqual(['Freedonia']);
    const [entry] = searchContent(index, 'Ruritania April 2005').hits;
    expect(marks(entry!.title)).toEqual(['Ruritania', 'April', '2005']);
    expect(text(entry!.snippet).length).toBeLessThanOrEqual(230);
    expect(text(entry!.snippet)).toMatch(/…$/);
  });

  it('treats a query of common words only as nothing to look up', () => {
    expect(searchContent(index, 'the and of')).toMatchObject({ total: 0, noTerms: true });
    expect(searchContent(index, ' -- ')).toMatchObject({ total: 0, noTerms: true });
  });

  it('builds one index per loaded tree', () => {
    expect(getSearchIndex(tree, 'en')).toBe(getSearchIndex(tree, 'en'));
    expect(getSearchIndex({ ...tree }, 'en')).not.toBe(getSearchIndex(tree, 'en'));
  });
});
