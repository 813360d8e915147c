import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LocatorMap } from '@/components/maps/locator-map';
import { getCountry } from '@/lib/content';
import { MAP_BUDGET, unescapeHtml } from './map-budget';

describe("Mali's locator map", async () => {
  const mali = await getCountry('mali', 'en', 'content');
  const html = renderToStaticMarkup(<LocatorMap name="Mali" iso3166={mali?.iso3166} locale="en" />);
  const neighbours = ['Algeria', 'Burkina Faso', "Côte d'Ivoire", 'Guinea', 'Mauritania', 'Niger', 'Senegal'];

  it('draws the country named by the real content', () => {
    expect(mali?.iso3166).toBe('MLI');
    expect(html).toMatch(/^<figure/);
    expect(html).toContain('<title id="locator-mli-title">Map of Mali and its neighbours</title>');
  });

  it('names every real neighbour on the map', () => {
    const labels = [...html.matchAll(/<span class="[^"]*" style="[^"]*">([^<]+)<\/span>/g)].map((match) => unescapeHtml(match[1]!));
    expect(labels[0]).toBe('Mali');
    expect(labels.slice(1).sort()).toEqual(neighbours);
  });

  it('says the same in a sentence every reader gets, which describes the picture', () => {
    expect(html).toContain('aria-describedby="locator-mli-text"');
    const caption = /<figcaption id="locator-mli-text"[^>]*>([^<]+)<\/figcaption>/.exec(html)?.[1];
    expect(unescapeHtml(caption ?? '')).toBe("Mali borders Algeria, Burkina Faso, Côte d'Ivoire, Guinea, Mauritania, Niger and Senegal.");
  });

  it('stays within the size budget', () => {
    const bytes = Buffer.byteLength(html);
    console.info(`Mali's locator map: ${bytes} bytes of HTML`);
    expect(bytes).toBeLessThan(MAP_BUDGET);
  });
});

describe('a country without a map code', () => {
  it('gets no map, and nothing breaks', () => {
    expect(renderToStaticMarkup(<LocatorMap name="Ruritania" locale="en" />)).toBe('');
    expect(renderToStaticMarkup(<LocatorMap name="Ruritania" iso3166="XXX" locale="en" />)).toBe('');
  });
});
