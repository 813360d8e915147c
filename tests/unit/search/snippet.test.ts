import { describe, expect, it } from 'vitest';
import { htmlToText } from '@/lib/search/html-text';
import { markMatches, snippet, SNIPPET_LENGTH, type TextPart } from '@/lib/search/snippet';
import { queryTerms } from '@/lib/search/terms';

const show = (parts: TextPart[]) => parts.map((part) => (part.type === 'mark' ? `[${part.text}]` : part.text)).join('');
const terms = (query: string) => new Set(queryTerms(query, 'en'));

describe('snippets', () => {
  it('marks every matched word, as written, whatever its case or accents', () => {
    expect(show(markMatches('Talks in Côte d’Ivoire; côte guards', terms('COTE'), 'en'))).toBe('Talks in [Côte] d’Ivoire; [côte] guards');
  });

  it('shows the text around the first match, cut at words, with … where text was left out', () => {
    const before = 'Opening words of a long paragraph. '.repeat(12);
    const after = ' and then more words follow it to the end. '.repeat(12);
    const source = `${before}The border guards withdrew${after}`;
    const parts = snippet(source, terms('guards'), 'en');
    const shown = show(parts);
    expect(shown).toMatch(/^…/);
    expect(shown).toMatch(/…$/);
    expect(shown).toContain('border [guards] withdrew');
    expect(parts.map((part) => part.text).join('').length).toBeLessThanOrEqual(SNIPPET_LENGTH + 2);
    // A piece of the text itself, cut where a word starts and where one ends.
    const inner = parts.map((part) => part.text).join('').replace(/^…|…$/g, '');
    const at = source.indexOf(inner);
    expect(at).toBeGreaterThan(0);
    expect(source[at - 1]).toMatch(/\s/);
    expect(source[at + inner.length]).toMatch(/[\s.]/);
  });

  it('starts at the beginning when the match is near it, and keeps a short text whole', () => {
    expect(show(snippet('Ceasefire holds in the highlands.', terms('ceasefire'), 'en'))).toBe('[Ceasefire] holds in the highlands.');
  });

  it('shows the start of the text, unmarked, when only the title matched', () => {
    expect(show(snippet('Nothing here matches.', terms('zenda'), 'en'))).toBe('Nothing here matches.');
  });

  it('does not mark common words', () => {
    expect(show(markMatches('The river and the bridge', terms('the river'), 'en'))).toBe('The [river] and the bridge');
  });
});

describe('the text of rendered HTML', () => {
  it('drops tags, decodes references and keeps paragraphs apart', () => {
    expect(htmlToText('<p>Zenda &amp; Strelsau&#39;s <strong>river</strong></p>\n<p>Second&#x2014;part &lt;b&gt;</p>')).toBe("Zenda & Strelsau's river Second—part <b>");
  });
});
