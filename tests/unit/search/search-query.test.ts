import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, MAX_QUERY_WORDS, parseSearchQuery } from '@/lib/search';
import { pathsFor } from '@/lib/paths';

const searchPath = pathsFor('en').search;

const SLUGS = ['freedonia', 'ruritania'];

describe('the search page query string', () => {
  it('reads the words, filters and page, trimmed; empty values mean any', () => {
    expect(parseSearchQuery({ q: '  river   militia ', country: 'ruritania', verdict: 'improved', page: '3' }, SLUGS)).toEqual({
      ok: true,
      query: { q: 'river militia', filters: { country: 'ruritania', verdict: 'improved' }, page: 3 },
    });
    expect(parseSearchQuery({ q: 'zenda', country: '', verdict: '', page: '' }, SLUGS)).toEqual({ ok: true, query: { q: 'zenda', filters: {}, page: 1 } });
    expect(parseSearchQuery({}, SLUGS)).toEqual({ ok: true, query: { q: '', filters: {}, page: 1 } });
    expect(parseSearchQuery({ q: ['first', 'second'] }, SLUGS)).toMatchObject({ ok: true, query: { q: 'first' } });
  });

  it('drops control characters (a NUL byte, say) as it folds white space, so none is searched or echoed (issue 17)', () => {
    expect(parseSearchQuery({ q: '\u0000mali' }, SLUGS)).toMatchObject({ ok: true, query: { q: 'mali' } });
    expect(parseSearchQuery({ q: 'river\u0007\u001bmilitia\u007f' }, SLUGS)).toMatchObject({ ok: true, query: { q: 'river militia' } });
    expect(parseSearchQuery({ q: '\u0000' }, SLUGS)).toMatchObject({ ok: true, query: { q: '' } });
  });

  it('reports every bad field at once, each named, with what to do', () => {
    const parsed = parseSearchQuery({ q: 'x'.repeat(MAX_QUERY_LENGTH + 1), country: 'atlantis', verdict: 'worse', page: '0' }, SLUGS);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual([
      { field: 'q', message: `Shorten the search to ${MAX_QUERY_LENGTH} characters or fewer` },
      { field: 'country', message: 'Choose a country from the list: "atlantis" is not one we follow' },
      { field: 'verdict', message: 'Choose a verdict from the list' },
      { field: 'page', message: 'Pages start at 1' },
    ]);
  });

  it("says each problem in the page's language", () => {
    const parsed = parseSearchQuery({ q: 'x'.repeat(MAX_QUERY_LENGTH + 1), country: 'atlantis', verdict: 'worse', page: '1.5' }, SLUGS, 'fr');
    expect(parsed).toMatchObject({ ok: false });
    if (parsed.ok) return;
    expect(parsed.errors).toEqual([
      { field: 'q', message: `Raccourcissez la recherche à ${MAX_QUERY_LENGTH} caractères au plus` },
      { field: 'country', message: 'Choisissez un pays dans la liste\u00a0: "atlantis" ne fait pas partie des pays suivis' },
      { field: 'verdict', message: 'Choisissez un verdict dans la liste' },
      { field: 'page', message: 'Choisissez un numéro de page entier' },
    ]);
    const words = Array.from({ length: MAX_QUERY_WORDS + 1 }, (_, index) => `mot${index}`).join(' ');
    expect(parseSearchQuery({ q: words }, SLUGS, 'fr')).toMatchObject({ ok: false, errors: [{ field: 'q', message: `Utilisez au plus ${MAX_QUERY_WORDS} mots` }] });
    // French stop words do not count on a French page.
    expect(parseSearchQuery({ q: `${'la '.repeat(20)}zenda` }, SLUGS, 'fr')).toMatchObject({ ok: true });
  });

  it('bounds the words a search looks up', () => {
    const words = Array.from({ length: MAX_QUERY_WORDS + 1 }, (_, index) => `word${index}`).join(' ');
    expect(parseSearchQuery({ q: words }, SLUGS)).toMatchObject({ ok: false, errors: [{ field: 'q', message: `Use at most ${MAX_QUERY_WORDS} words` }] });
    // The commonest words are not looked up, so they do not count.
    expect(parseSearchQuery({ q: `${'the '.repeat(20)}zenda` }, SLUGS)).toMatchObject({ ok: true });
  });

  it('keeps what was valid to fill the form again', () => {
    expect(parseSearchQuery({ q: 'zenda', country: 'freedonia', verdict: 'worse' }, SLUGS)).toMatchObject({ ok: false, query: { q: 'zenda', filters: { country: 'freedonia' } } });
  });

  it('refuses a page that is not a whole positive number', () => {
    for (const page of ['abc', '1.5', '-2', '99999999']) {
      const parsed = parseSearchQuery({ q: 'zenda', page }, SLUGS);
      expect(parsed.ok, page).toBe(false);
      if (!parsed.ok) expect(parsed.errors.map((error) => error.field)).toEqual(['page']);
    }
  });

  it('round-trips through searchPath', () => {
    const href = searchPath({ q: 'river & militia', country: 'ruritania', verdict: 'improved' }, 2);
    expect(href).toBe('/search?q=river+%26+militia&country=ruritania&verdict=improved&page=2');
    const params = Object.fromEntries(new URL(href, 'http://x').searchParams);
    expect(parseSearchQuery(params, SLUGS)).toEqual({ ok: true, query: { q: 'river & militia', filters: { country: 'ruritania', verdict: 'improved' }, page: 2 } });
    expect(searchPath({})).toBe('/search');
  });
});
