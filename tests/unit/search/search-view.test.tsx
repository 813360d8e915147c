import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SearchForm } from '@/components/search-form';
import { SearchResultList } from '@/components/search-results';
import { localizeTree } from '@/lib/content/localize';
import { buildSearchIndex, parseSearchQuery, searchContent } from '@/lib/search';
import { loadSearchTree } from './search-tree';

/** The server-rendered page parts: marks as elements, every field labelled, filters kept in page links. */
describe('the search page, as the server renders it', async () => {
  const tree = await loadSearchTree();
  const index = buildSearchIndex(tree, 'en');

  it('marks matched words with <mark> elements, with the text escaped', () => {
    const results = searchContent(index, 'adjourned');
    const html = renderToStaticMarkup(<SearchResultList q="adjourned <b>" filters={{}} results={results} pageSize={10} locale="en" />);
    expect(html).toContain('met and <mark>adjourned</mark>.');
    expect(html).toContain('3 results for “adjourned &lt;b&gt;”.');
    expect(html.match(/<li/g)).toHaveLength(3);
    expect(html).toContain('href="/freedonia/crisiswatch/2024-06"');
  });

  it('links every page with the query and filters', () => {
    const results = searchContent(index, 'Zenda', { country: 'ruritania' }, 2, 10);
    const html = renderToStaticMarkup(<SearchResultList q="Zenda" filters={{ country: 'ruritania' }} countryName="Ruritania" results={results} pageSize={10} locale="en" />);
    expect(html).toContain('<ol class');
    expect(html).toContain('start="11"');
    expect(html).toContain('href="/search?q=Zenda&amp;country=ruritania&amp;page=3"');
    expect(html).toContain('href="/search?q=Zenda&amp;country=ruritania"');
    expect(html).toContain('results for “Zenda” in Ruritania; page 2 of 3.');
  });

  it('labels every field and shows each problem next to its field', () => {
    const parsed = parseSearchQuery({ q: 'Zenda', country: 'atlantis' }, ['freedonia', 'ruritania']);
    if (parsed.ok) throw new Error('expected a problem');
    const html = renderToStaticMarkup(<SearchForm q="Zenda" countries={tree.countries} errors={parsed.errors} locale="en" />);
    for (const id of ['search-q', 'search-country', 'search-verdict']) expect(html).toContain(`<label for="${id}">`);
    expect(html).toMatch(/<select id="search-country" name="country" aria-invalid="true" aria-describedby="search-country-error">/);
    // Said once, next to its field.
    expect(html).toContain('<p id="search-country-error" class="field-error" role="alert">Choose a country from the list: &quot;atlantis&quot; is not one we follow</p>');
    expect(html.match(/is not one we follow/g)).toHaveLength(1);
  });

  it('labels an English hit on a French page as English, in French, with its text marked lang="en"', () => {
    const french = buildSearchIndex(localizeTree(tree, 'fr'), 'fr');
    const english = renderToStaticMarkup(<SearchResultList q="adjourned" filters={{}} results={searchContent(french, 'adjourned')} pageSize={10} locale="fr" />);
    expect(english).toMatch(/<li[^>]*>(?:(?!<\/li>).)*Texte en anglais(?:(?!<\/li>).)*<p[^>]* lang="en"[^>]*>[^<]*met and <mark>adjourned<\/mark>/);
    const translated = renderToStaticMarkup(<SearchResultList q="attaques" filters={{}} results={searchContent(french, 'attaques')} pageSize={10} locale="fr" />);
    expect(translated).toContain('<mark>attaque</mark>');
    expect(translated).not.toContain('Texte en anglais');
    expect(translated).not.toContain('lang="en"');
  });
});
