import { describe, expect, it } from 'vitest';
import { linkCrossReferences } from '@/lib/content/cross-references';
import { renderMarkdown } from '@/lib/content/render-markdown';

/** Invented countries: Zandovia has an entry for March 2024, Veldovia none, Vel only a page. */
const TARGETS = [
  { slug: 'zandovia', name: 'Zandovia', months: new Set(['2024-03']) },
  { slug: 'veldovia', name: 'Veldovia', months: new Set(['2024-01']) },
  { slug: 'vel', name: 'Vel', months: new Set<string>() },
];
const html = (markdown: string) => renderMarkdown(markdown).html;

describe('CrisisWatch cross-references', () => {
  it('link each country the site has, to its entry for the same month when there is one, else to its page', () => {
    expect(linkCrossReferences(html('Fictional talks stalled (see Zandovia and Veldovia).'), '2024-03', TARGETS, 'en')).toBe(
      '<p>Fictional talks stalled (see <a href="/zandovia/crisiswatch/2024-03">Zandovia</a> and <a href="/veldovia">Veldovia</a>).</p>',
    );
  });

  it('leave names the site does not have as text, and match whole names only', () => {
    expect(linkCrossReferences(html('Envoys met (see Atlantis and Velvaria).'), '2024-03', TARGETS, 'en')).toBe('<p>Envoys met (see Atlantis and Velvaria).</p>');
    expect(linkCrossReferences(html('Envoys met (see Vel).'), '2024-03', TARGETS, 'en')).toBe('<p>Envoys met (see <a href="/vel">Vel</a>).</p>');
  });

  it('link a French translation’s “(voir …)” by the French names, to the French pages', () => {
    const french = [
      { slug: 'zandovia', name: 'Zandovie', months: new Set(['2024-03']) },
      { slug: 'veldovia', name: 'Veldovie', months: new Set(['2024-01']) },
    ];
    expect(linkCrossReferences(html('Les pourparlers fictifs ont échoué (voir Zandovie et Veldovie).'), '2024-03', french, 'fr')).toBe(
      '<p>Les pourparlers fictifs ont échoué (voir <a href="/fr/zandovia/crisiswatch/2024-03">Zandovie</a> et <a href="/fr/veldovia">Veldovie</a>).</p>',
    );
  });

  it('read each language’s own word: “(voir …)” is not linked in English, nor “(see …)” in French', () => {
    const english = html('Talks stalled (voir Zandovia).');
    const french = html('Les pourparlers ont échoué (see Zandovia).');
    expect(linkCrossReferences(english, '2024-03', TARGETS, 'en')).toBe(english);
    expect(linkCrossReferences(french, '2024-03', TARGETS, 'fr')).toBe(french);
  });

  it('touch only “(see …)”, never a name elsewhere in the text or inside a link', () => {
    const text = html('Zandovia’s envoys met [Veldovia](/veldovia) officials (see [Zandovia](/zandovia)).');
    expect(linkCrossReferences(text, '2024-03', TARGETS, 'en')).toBe(text);
  });
});
