import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MonthMap, type MonthMapItem } from '@/components/maps/month-map';
import { MAP_BUDGET, unescapeHtml } from './map-budget';

/** Real places and codes only; the verdicts are made up, as the test needs each of them once. */
const mali: MonthMapItem = { name: 'Mali', iso3166: 'MLI', verdict: 'deteriorated', alerts: ['conflict-risk-alert'], href: '/mali/crisiswatch/2023-02' };
const niger: MonthMapItem = { name: 'Niger', iso3166: 'NER', verdict: 'improved', alerts: [], href: '/niger/crisiswatch/2023-02' };
const burkina: MonthMapItem = { name: 'Burkina Faso', iso3166: 'BFA', verdict: 'unchanged', alerts: ['resolution-opportunity'], href: '/burkina-faso/crisiswatch/2023-02' };
const colombia: MonthMapItem = { name: 'Colombia', iso3166: 'COL', verdict: 'improved', alerts: [], href: '/colombia/crisiswatch/2023-02' };
const ruritania: MonthMapItem = { name: 'Ruritania', verdict: 'unchanged', alerts: [], href: '/ruritania/crisiswatch/2023-02' };
const freedonia: MonthMapItem = { name: 'Freedonia', verdict: 'deteriorated', alerts: ['conflict-risk-alert'], href: '/freedonia/crisiswatch/2023-02' };

const linksOf = (html: string) => [...html.matchAll(/<a href="([^"]+)" aria-label="([^"]+)"[^>]*><title>([^<]+)<\/title>/g)].map(([, href, name, title]) => ({ href, name: unescapeHtml(name!), title: unescapeHtml(title!) }));

describe('a month map of neighbouring countries', () => {
  const html = renderToStaticMarkup(<MonthMap label="CrisisWatch, February 2023" items={[mali, niger, burkina, ruritania, freedonia]} locale="en" />);

  it('draws their region', () => {
    expect(html).toContain('data-map-scope="region"');
  });

  it('links every country with a shape, once, named with its verdict and alerts in words', () => {
    expect(linksOf(html)).toEqual([
      { href: mali.href, name: 'Mali: deteriorated situation, conflict risk alert', title: 'Mali: deteriorated situation, conflict risk alert' },
      { href: niger.href, name: 'Niger: improved situation', title: 'Niger: improved situation' },
      { href: burkina.href, name: 'Burkina Faso: unchanged situation, resolution opportunity', title: 'Burkina Faso: unchanged situation, resolution opportunity' },
    ]);
  });

  it('lists the countries it cannot draw, and draws no link for them', () => {
    expect(html).toContain('<p class="_note_');
    expect(html).toMatch(/>Not on the map: <!-- -->Ruritania and Freedonia<!-- -->\.<\/p>|>Not on the map: Ruritania and Freedonia\.<\/p>/);
    expect(html).not.toContain('/ruritania/');
    expect(html).not.toContain('/freedonia/');
  });

  it('is a group labelled by its caption, so its links stay links to assistive technology', () => {
    const id = /<figcaption id="([^"]+)"[^>]*>CrisisWatch, February 2023<\/figcaption>/.exec(html)?.[1];
    expect(id).toBeDefined();
    expect(html).toContain(`role="group" aria-labelledby="${id}"`);
  });

  it('tells verdicts apart by texture as well as colour, and explains each in the key', () => {
    for (const verdict of ['deteriorated', 'improved', 'unchanged']) {
      expect(html).toMatch(new RegExp(`<pattern id="month-map-[a-z0-9]+-${verdict}"`));
    }
    expect(html).toMatch(/<pattern id="[^"]+-deteriorated"[^>]*patternTransform="rotate\(45\)">/);
    expect(html).toMatch(/<pattern id="[^"]+-improved"[^>]*><rect[^>]*><\/rect><circle/);
    const key = /<ul[^>]*aria-label="Key">(.*?)<\/ul>/.exec(html)?.[1] ?? '';
    for (const words of ['Deteriorated Situation', 'Improved Situation', 'Unchanged Situation', 'Conflict Risk Alert', 'Resolution Opportunity', 'No entry this month']) {
      expect(key).toContain(words);
    }
  });

  it('marks an alert with a shape, not a colour', () => {
    const maliLink = /<a href="\/mali\/crisiswatch\/2023-02".*?<\/a>/.exec(html)?.[0] ?? '';
    expect(maliLink).toContain('class="shape-alert"');
    const nigerLink = /<a href="\/niger\/crisiswatch\/2023-02".*?<\/a>/.exec(html)?.[0] ?? '';
    expect(nigerLink).not.toContain('shape-alert');
  });

  it('stays within the size budget', () => {
    const bytes = Buffer.byteLength(html);
    console.info(`Month map of Mali, Niger and Burkina Faso (region): ${bytes} bytes of HTML`);
    expect(bytes).toBeLessThan(MAP_BUDGET);
  });
});

describe('a month map of countries continents apart', () => {
  const html = renderToStaticMarkup(<MonthMap label="CrisisWatch, February 2023" items={[mali, colombia]} locale="en" />);

  it('draws the world, each country a link', () => {
    expect(html).toContain('data-map-scope="world"');
    expect(linksOf(html).map((link) => link.name)).toEqual(['Mali: deteriorated situation, conflict risk alert', 'Colombia: improved situation']);
    expect(html).not.toContain('Not on the map');
  });

  it('stays within the size budget', () => {
    const bytes = Buffer.byteLength(html);
    console.info(`Month map of Mali and Colombia (world): ${bytes} bytes of HTML`);
    expect(bytes).toBeLessThan(MAP_BUDGET);
  });
});

describe("the content's regions", () => {
  const scopeOf = (items: MonthMapItem[]) => /data-map-scope="(\w+)"/.exec(renderToStaticMarkup(<MonthMap label="May 2024" items={items} locale="en" />))?.[1];

  it('draw the world when they differ, the region when they agree', () => {
    expect(scopeOf([{ ...mali, region: 'Africa' }, { ...niger, region: 'Africa' }])).toBe('region');
    expect(scopeOf([{ ...mali, region: 'Africa' }, { ...niger, region: 'Elsewhere' }])).toBe('world');
  });
});

describe('a month map of fictional countries only', () => {
  it('renders nothing at all', () => {
    expect(renderToStaticMarkup(<MonthMap label="CrisisWatch, May 2024" items={[ruritania, freedonia]} locale="en" />)).toBe('');
    expect(renderToStaticMarkup(<MonthMap label="CrisisWatch, May 2024" items={[]} locale="en" />)).toBe('');
  });

  it('treats a code with no shape like no code', () => {
    expect(renderToStaticMarkup(<MonthMap label="CrisisWatch, May 2024" items={[{ ...ruritania, iso3166: 'XXX' }]} locale="en" />)).toBe('');
  });
});
