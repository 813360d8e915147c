import { describe, expect, it } from 'vitest';
import { localizeTree } from '@/lib/content/localize';
import { buildSearchIndex, getSearchIndex, searchContent, type SearchHit, type SearchIndex, type TextPart } from '@/lib/search';
import { queryTerms } from '@/lib/search/terms';
import { loadSearchTree } from './search-tree';

const tree = await loadSearchTree();
const frenchTree = localizeTree(tree, 'fr');
const french = buildSearchIndex(frenchTree, 'fr');
const english = buildSearchIndex(tree, 'en');
/** Freedonia's June 2024: the one month in French (see search-tree.ts). */
const JUNE = 'entry:freedonia:2024-06';

const allHits = (index: SearchIndex, q: string): SearchHit[] => searchContent(index, q, {}, 1, 10_000).hits;
const ids = (hits: SearchHit[]) => hits.map((hit) => hit.id);
const marks = (parts: TextPart[]) => parts.filter((part) => part.type === 'mark').map((part) => part.text);
const june = (q: string) => allHits(french, q).find((hit) => hit.id === JUNE);

describe('search in French', () => {
  it('folds accents both ways: typed without them, or with them where the text has none', () => {
    expect(june('inchangee')).toBeDefined();
    expect(june('INCHANGÉE')).toBeDefined();
    expect(june('ajourne')).toBeDefined();
    expect(marks(june('inchangee')!.snippet)).toEqual(['inchangée']);
  });

  it('finds another form of a word: "attaques" finds "attaque", "armées" and "armee" find "armée"', () => {
    for (const q of ['attaques', 'attaquer', 'armées', 'armee', 'armees', 'ajournés', 'guerres']) expect(june(q), q).toBeDefined();
    // Forms further apart than a typo or a prefix: only a stemmer brings them together.
    for (const q of ['attaquaient', 'dégradation', 'degradation', 'négocier', 'negocie']) expect(june(q), q).toBeDefined();
    expect(marks(june('dégradation')!.snippet)).toEqual(['dégradées']);
    // The English index knows no French: the same word there is found only as written.
    expect(ids(allHits(english, 'attaques'))).toEqual([]);
  });

  it('marks the words of the text, as written, that a stemmed word matched', () => {
    expect(marks(june('attaques')!.snippet)).toEqual(['attaque']);
    expect(marks(june('armees')!.snippet)).toContain('armée');
    const [first] = searchContent(french, 'Freedonie juin').hits;
    expect(first?.id).toBe(JUNE);
    expect(marks(first!.title)).toEqual(['Freedonie', 'juin']);
  });

  it('does not search the commonest French words: "la guerre" is "guerre"', () => {
    expect(queryTerms('la guerre', 'fr')).toEqual(queryTerms('guerre', 'fr'));
    const both = searchContent(french, 'la guerre');
    expect(ids(both.hits)).toEqual(ids(searchContent(french, 'guerre').hits));
    expect(both.matchedAllWords).toBe(true);
    expect(marks(june('la guerre')!.snippet)).toEqual(['guerre']);
    expect(searchContent(french, 'la de et les')).toMatchObject({ total: 0, noTerms: true });
  });

  it('forgives a typo as English search does, in a whole word and in a stemmed one', () => {
    for (const q of ['parlemnet', 'gouvernemnt', 'pourparlres', 'inchnagée']) expect(june(q), q).toBeDefined();
    // Too many slips is another word.
    expect(june('axxxques')).toBeUndefined();
  });

  it('searches the English texts not translated yet, in English, and says which hits are English', () => {
    const may = allHits(french, 'adjourned').find((hit) => hit.id === 'entry:freedonia:2024-05');
    expect(may).toMatchObject({ lang: 'en', href: '/fr/freedonia/crisiswatch/2024-05' });
    expect(marks(may!.snippet)).toEqual(['adjourned']);
    // Quotes stay in English as published; the English index's hits carry no language of their own.
    expect(allHits(french, 'invented quote').every((hit) => hit.lang === 'en')).toBe(true);
    expect(june('attaques')!.lang).toBeUndefined();
    expect(allHits(english, 'adjourned').every((hit) => hit.lang === undefined)).toBe(true);
  });

  it('keeps English search as it was: no stemming, English stop words only', () => {
    expect(queryTerms('the armies attacked la guerre', 'en')).toEqual(['armies', 'attacked', 'la', 'guerre']);
    expect(ids(allHits(english, 'adjourn')).length).toBe(3);
  });

  it('builds one index per language', () => {
    expect(getSearchIndex(frenchTree, 'fr')).toBe(getSearchIndex(frenchTree, 'fr'));
    expect(getSearchIndex(frenchTree, 'fr')).not.toBe(getSearchIndex(tree, 'en'));
  });
});
