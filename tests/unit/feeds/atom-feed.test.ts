import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { loadContent } from '@/lib/content/load-content';
import { buildCountryFeed, buildSiteFeed } from '@/lib/feeds/atom-feed';
import { loadFictionalCountry } from '../fictional-content';

const SITE = { url: 'https://briefings.example.org', name: 'Crisis Briefings' };
const feedParser = new Parser();
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

/** Atom (RFC 4287 §4.1): a feed and each entry need an id, a title and an updated date. */
function expectRfc4287(text: string) {
  expect(XMLValidator.validate(text)).toBe(true);
  const { feed } = xml.parse(text) as { feed: Record<string, unknown> & { entry?: unknown } };
  expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
  for (const field of ['id', 'title', 'updated', 'author']) expect(feed[field], `feed ${field}`).toBeDefined();
  const entries = ([] as Record<string, unknown>[]).concat((feed.entry as Record<string, unknown>[] | undefined) ?? []);
  for (const entry of entries) {
    for (const field of ['id', 'title', 'updated', 'link', 'content']) expect(entry[field], `entry ${field}`).toBeDefined();
  }
  const ids = entries.map((entry) => entry.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const date of [feed.updated, ...entries.map((entry) => entry.updated)]) {
    expect(String(date)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  }
}

describe('the Atom feed of a country', async () => {
  const { countries } = await loadContent(path.resolve('content'));
  const mali = countries.find((country) => country.slug === 'mali')!;
  const text = buildCountryFeed(mali, SITE);

  it('is valid Atom', () => expectRfc4287(text));

  it('reads in a feed reader: the verdict in each title, the whole entry as content', async () => {
    const parsed = await feedParser.parseString(text);
    expect(parsed.title).toBe('Crisis Briefings: CrisisWatch Mali');
    expect(parsed.feedUrl).toBe('https://briefings.example.org/mali/feed.xml');
    const [entry] = parsed.items;
    expect(entry?.title).toBe('Mali, February 2023: Unchanged Situation');
    expect(entry?.link).toBe('https://briefings.example.org/mali/crisiswatch/2023-02');
    expect(entry?.content).toContain('Bamako expelled UN mission’s human rights chief');
    expect(entry?.content).toContain('Soumouni village');
    expect(entry?.isoDate).toBe('2023-02-26T00:00:00.000Z');
  });
});

describe('feeds over twenty years and many countries', async () => {
  const ruritania = await loadFictionalCountry(240);
  const { countries } = await loadContent(path.resolve('tests/fixtures/valid'));

  it('carries every month of a country, newest first, alerts in the title', async () => {
    const text = buildCountryFeed(ruritania, SITE);
    expectRfc4287(text);
    const parsed = await feedParser.parseString(text);
    expect(parsed.items).toHaveLength(240);
    expect(parsed.items[0]?.title).toBe('Ruritania, December 2024: Improved Situation');
    expect(parsed.items.find((item) => item.link?.endsWith('/2005-04'))?.title).toBe('Ruritania, April 2005: Improved Situation, Conflict Risk Alert');
  });

  it('merges every country into the site feed', async () => {
    const text = buildSiteFeed([...countries, ruritania], SITE);
    expectRfc4287(text);
    const parsed = await feedParser.parseString(text);
    expect(parsed.items).toHaveLength(243);
    expect(parsed.items.slice(0, 2).map((item) => item.title)).toEqual([
      'Ruritania, December 2024: Improved Situation',
      'Ruritania, November 2024: Unchanged Situation',
    ]);
    expect(parsed.items.some((item) => item.title?.startsWith('Freedonia, June 2024'))).toBe(true);
  });

  it('keeps script out of the content', () => {
    expect(buildSiteFeed(countries, SITE)).not.toMatch(/<script/i);
  });
});
