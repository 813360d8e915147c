import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '@/lib/content/load-content';
import { sitemapEntries } from '@/lib/sitemap-entries';

const SITE = 'https://briefings.example.org';

describe('the sitemap', async () => {
  const { countries } = await loadContent(path.resolve('tests/fixtures/valid'));
  const entries = sitemapEntries(countries, SITE);
  const byUrl = new Map(entries.map((entry) => [entry.url, entry]));

  it('lists each page in English and in French, each naming both and English as the default', () => {
    const languages = { en: `${SITE}/freedonia/crisiswatch/2024-06`, fr: `${SITE}/fr/freedonia/crisiswatch/2024-06`, 'x-default': `${SITE}/freedonia/crisiswatch/2024-06` };
    expect(byUrl.get(`${SITE}/freedonia/crisiswatch/2024-06`)).toEqual({ url: languages.en, lastModified: '2024-06-27', alternates: { languages } });
    expect(byUrl.get(`${SITE}/fr/freedonia/crisiswatch/2024-06`)).toEqual({ url: languages.fr, lastModified: '2024-06-27', alternates: { languages } });
  });

  it('gives the home page of each language, English at the site’s root', () => {
    expect(byUrl.get(`${SITE}/`)?.alternates?.languages).toEqual({ en: `${SITE}/`, fr: `${SITE}/fr`, 'x-default': `${SITE}/` });
    expect(byUrl.has(`${SITE}/fr`)).toBe(true);
  });

  it('has as many French addresses as English ones, and every alternate is itself listed', () => {
    const french = entries.filter((entry) => entry.url === `${SITE}/fr` || entry.url.startsWith(`${SITE}/fr/`));
    expect(french.length * 2).toBe(entries.length);
    for (const entry of entries) {
      for (const alternate of Object.values(entry.alternates?.languages ?? {})) expect(alternate !== undefined && byUrl.has(alternate), alternate).toBe(true);
    }
  });

  it('leaves out queries and /crisiswatch, whose canonical address is its month', () => {
    expect([...byUrl.keys()].filter((url) => url.includes('?'))).toEqual([]);
    expect(byUrl.has(`${SITE}/crisiswatch`)).toBe(false);
    expect(byUrl.has(`${SITE}/fr/crisiswatch`)).toBe(false);
  });
});
