import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { loadContent } from '@/lib/content/load-content';
import { buildCountryFeed, buildSiteFeed, entryTitle } from '@/lib/feeds/atom-feed';
import { messages } from '@/lib/i18n/messages';
import { escapeHtml } from '@/lib/html-escape';
import { loadFictionalCountry } from '../fictional-content';

const SITE = { url: 'https://briefings.example.org', name: 'Crisis Briefings' };
const feedParser = new Parser();
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

/** Atom (RFC 4287 §4.1): a feed and each entry need an id, a title and an updated date. */
function expectRfc4287(text: string) {
  expect(XMLValidator.validate(text)).toBe(true);
  // XML 1.0 §3.1 (AttValue): no raw < and no bare & in an attribute value; the validator above lets both through.
  for (const [, value] of text.matchAll(/\s[\w:-]+="([^"]*)"/g)) {
    expect(value, 'attribute value').toMatch(/^(?:[^<&]|&(?:lt|gt|amp|quot|apos|#\d+|#x[\da-f]+);)*$/i);
  }
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
  const text = buildCountryFeed(mali, SITE, 'en');

  it('is valid Atom', () => expectRfc4287(text));

  it('reads in a feed reader: every entry, newest first, the verdict in each title, the whole entry as content', async () => {
    const parsed = await feedParser.parseString(text);
    expect(parsed.title).toBe(`Crisis Briefings: CrisisWatch ${mali.name}`);
    expect(parsed.feedUrl).toBe('https://briefings.example.org/mali/feed.xml');
    expect(parsed.items).toHaveLength(mali.entries.length);
    for (const [index, entry] of mali.entries.entries()) {
      const item = parsed.items[index];
      expect(item?.title).toBe(entryTitle(mali, entry, 'en'));
      expect(item?.title).toContain(messages('en').verdicts.labels[entry.verdict]);
      expect(item?.link).toBe(`https://briefings.example.org/mali/crisiswatch/${entry.month}`);
      expect(item?.content).toContain(escapeHtml(entry.lead));
      expect(item?.content).toContain(entry.html);
      expect(item?.isoDate).toBe(`${entry.period.to}T00:00:00.000Z`);
    }
  });
});

describe('feeds over twenty years and many countries', async () => {
  const ruritania = await loadFictionalCountry(240);
  const { countries } = await loadContent(path.resolve('tests/fixtures/valid'));

  it('carries every month of a country, newest first, alerts in the title', async () => {
    const text = buildCountryFeed(ruritania, SITE, 'en');
    expectRfc4287(text);
    const parsed = await feedParser.parseString(text);
    expect(parsed.items).toHaveLength(240);
    expect(parsed.items[0]?.title).toBe('Ruritania, December 2024: Improved Situation');
    expect(parsed.items.find((item) => item.link?.endsWith('/2005-04'))?.title).toBe('Ruritania, April 2005: Improved Situation, Conflict Risk Alert');
  });

  it('merges every country into the site feed', async () => {
    const text = buildSiteFeed([...countries, ruritania], SITE, 'en');
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
    expect(buildSiteFeed(countries, SITE, 'en')).not.toMatch(/<script/i);
  });
});

/** What a feed reader shows for an Atom text construct (RFC 4287 §3.1): text as is, html once decoded, and markup in it is a failure here. */
function shownText(node: unknown): string {
  const { '#text': payload = '', '@type': type = 'text' } = (typeof node === 'object' && node !== null ? node : { '#text': node }) as { '#text'?: string; '@type'?: string };
  if (type === 'text') return payload;
  expect(type, 'a text construct is text or html').toBe('html');
  expect(payload, 'the html payload holds markup: a reader would render it, not show the text').not.toMatch(/</);
  return payload.replace(/&(lt|gt|quot|#39|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name] ?? '');
}

describe('text that looks like markup', async () => {
  const LEAD = '<b>bold</b> & AT&T "quotes"';
  const ruritania = await loadFictionalCountry(2);
  const [newest, older] = ruritania.entries;
  // An invented country whose name and lead hold every character XML and HTML treat specially.
  const country = {
    ...ruritania,
    name: 'Ruritania <Strelsau> & "Zenda"',
    entries: [{ ...newest!, lead: LEAD, html: '<p>Fictional <em>talks</em> &#x26; more]]> in Zenda</p>' }, older!],
  };
  const text = buildCountryFeed(country, SITE, 'en');
  const strict = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', trimValues: false, parseTagValue: false, parseAttributeValue: false });
  type Entry = { title: unknown; summary: unknown; content: unknown; category: Record<string, string>; id: string; updated: string };

  it('stays well-formed Atom', () => {
    expectRfc4287(text);
  });

  it('carries titles, summaries and category names as the exact text the page shows', () => {
    const { feed } = strict.parse(text) as { feed: { title: unknown; subtitle: unknown; entry: Entry[] } };
    expect(shownText(feed.title)).toBe('Crisis Briefings: CrisisWatch Ruritania <Strelsau> & "Zenda"');
    expect(shownText(feed.subtitle)).toContain(country.name);
    const [entry] = feed.entry;
    expect(shownText(entry?.title)).toBe(entryTitle(country, country.entries[0]!, 'en'));
    expect(shownText(entry?.title)).toContain(country.name);
    expect(shownText(entry?.summary)).toBe(LEAD);
    expect(entry?.category['@label']).toBe(country.name);
    expect(entry?.category['@term']).toBe('ruritania');
  });

  it('keeps the content as the sanitised HTML of the entry, the lead escaped in it', () => {
    const { feed } = strict.parse(text) as { feed: { entry: Entry[] } };
    const content = feed.entry[0]?.content as { '#text': string; '@type': string };
    expect(content['@type']).toBe('html');
    expect(content['#text']).toBe(`<p><strong>${escapeHtml(LEAD)}</strong></p>\n${country.entries[0]!.html}`);
  });

  it('reads the same in a feed reader', async () => {
    const parsed = await feedParser.parseString(text);
    expect(parsed.items[0]?.title).toBe(entryTitle(country, country.entries[0]!, 'en'));
    expect(parsed.items[0]?.summary).toBe(LEAD);
  });
});

describe('the Atom feed of a country in French', async () => {
  const ruritania = await loadFictionalCountry(2);
  // As localize.ts gives it: the newest month translated, the one before still in English.
  const [newest, older] = ruritania.entries;
  const country = { ...ruritania, name: 'Ruritanie', entries: [{ ...newest!, lang: 'fr' as const }, { ...older!, lang: 'en' as const }] };
  const text = buildCountryFeed(country, SITE, 'fr');
  type FrenchEntry = { title: { '#text': string }; link: { '@href': string }; content: { '@xml:lang'?: string } };
  const { feed } = xml.parse(text) as { feed: { '@xml:lang': string; entry: FrenchEntry[] } };

  it('is valid Atom, in French, linking to the French pages', async () => {
    expectRfc4287(text);
    expect(feed['@xml:lang']).toBe('fr');
    expect(feed.entry[0]?.title['#text']).toBe(entryTitle(country, country.entries[0]!, 'fr'));
    expect(feed.entry[0]?.title['#text']).toMatch(/^Ruritanie, [a-zéû]+ \d{4}\u00a0: Situation /);
    expect(feed.entry.map((entry) => entry.link['@href'])).toEqual(country.entries.map((entry) => `https://briefings.example.org/fr/ruritania/crisiswatch/${entry.month}`));
    expect((await feedParser.parseString(text)).feedUrl).toBe('https://briefings.example.org/fr/ruritania/feed.xml');
  });

  it('marks the text of a month not translated yet as English', () => {
    expect(feed.entry.map((entry) => entry.content['@xml:lang'])).toEqual([undefined, 'en']);
  });
});
