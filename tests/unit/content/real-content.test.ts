import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '@/lib/content/load-content';

/**
 * The published content must load: a bad edit to content/ fails here before it fails the build.
 * Everything below is a rule that stays true when an editor adds a country, a month or a quote;
 * exact values are asserted on the fixtures and the fictional sites, never on content/.
 */
describe('the real content folder', async () => {
  const { countries, warnings } = await loadContent(path.resolve('content'));
  const mali = countries.find((country) => country.slug === 'mali');

  it('has Mali, which the browser tests and the README follow, with a month to show and quotes for the carousel', () => {
    expect(mali, 'content/mali').toBeDefined();
    expect(mali?.entries.length).toBeGreaterThan(0);
    expect(mali?.quotes.length, 'the carousel tests page through at least two quotes').toBeGreaterThan(1);
  });

  it('holds translations that are up to date with their English files (a stale one is a warning)', () => {
    expect(warnings.filter((warning) => warning.field === 'source_version')).toEqual([]);
  });

  it("has Mali's profile and its latest month in French, for the French edition", () => {
    expect(mali?.translations?.fr?.name).toBeTruthy();
    expect(mali?.entries[0]?.translations?.fr?.html).toBeTruthy();
  });

  it('gives every country a name, its regions and a profile that renders', () => {
    expect(countries.length).toBeGreaterThan(0);
    for (const country of countries) {
      expect(country.name.trim(), country.slug).not.toBe('');
      expect(country.region.length, country.slug).toBeGreaterThan(0);
      expect(country.profileHtml.trim(), country.slug).not.toBe('');
      expect(country.profileExcerpt.trim(), country.slug).not.toBe('');
    }
  });

  it('orders each country’s entries newest month first, one a month, each within the period it covers', () => {
    for (const country of countries) {
      const months = country.entries.map((entry) => entry.month);
      expect(months, country.slug).toEqual([...new Set(months)].sort().reverse());
      for (const entry of country.entries) {
        const where = `${country.slug}/${entry.month}`;
        expect(entry.period.from <= entry.period.to, where).toBe(true);
        expect(entry.month >= entry.period.from.slice(0, 7) && entry.month <= entry.period.to.slice(0, 7), where).toBe(true);
        expect(entry.lead.trim(), where).not.toBe('');
        expect(entry.excerptText.trim(), where).not.toBe('');
        expect(entry.text, where).toContain(entry.excerptText);
        expect(entry.html, where).not.toMatch(/<script|javascript:/i);
      }
    }
  });

  it('orders each country’s quotes newest first, each with its date, outlet, name, title and text', () => {
    for (const country of countries) {
      const dates = country.quotes.map((quote) => quote.date);
      expect(dates, country.slug).toEqual([...dates].sort().reverse());
      expect(new Set(country.quotes.map((quote) => quote.id)).size, country.slug).toBe(country.quotes.length);
      for (const quote of country.quotes) {
        const where = `${country.slug}/quotes/${quote.id}`;
        expect(quote.id.startsWith(`${quote.date}-`), where).toBe(true);
        for (const field of [quote.outlet, quote.name, quote.title]) expect(field.trim(), where).not.toBe('');
        expect(quote.html.replace(/<[^>]*>/g, '').trim(), where).not.toBe('');
        expect(quote.html, where).not.toMatch(/<script|javascript:/i);
      }
    }
  });
});
