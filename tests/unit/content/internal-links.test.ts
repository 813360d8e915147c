import { describe, expect, it } from 'vitest';
import { checkInternalLinks, type LinkSource } from '@/lib/content/internal-links';
import type { Country, CrisisWatchEntry } from '@/lib/content/load-content';

/** An invented country; the link check reads its slug and its entries' months and draft flags. */
function country(slug: string, months: { month: string; draft?: boolean }[]): Country {
  const entries = months.map(
    ({ month, draft = false }): CrisisWatchEntry => ({
      month,
      draft,
      country: slug,
      period: { from: `${month}-01`, to: `${month}-28` },
      verdict: 'unchanged',
      alerts: [],
      lead: 'A fictional lead.',
      notify: true,
      html: '',
      excerptHtml: '',
      excerptText: '',
      text: '',
    }),
  );
  return { slug, name: slug, region: ['Europe'], profileHtml: '', profileExcerpt: '', entries, quotes: [] };
}

const COUNTRIES = [country('freedonia', [{ month: '2024-06' }, { month: '2024-05' }, { month: '2024-07', draft: true }]), country('ruritania', [{ month: '2023-12' }])];

const broken = (urls: string[], draft = false) => {
  const source: LinkSource = { file: 'content/freedonia/crisiswatch/2024-06.md', draft, links: urls.map((url, index) => ({ line: index + 1, url })) };
  return checkInternalLinks(COUNTRIES, [source]).map((problem) => problem.message.replace(/^the link to (\S+) .*$/, '$1'));
};

describe('internal links in content', () => {
  it('may lead to the site sections every build has: countries, the latest CrisisWatch month, search', () => {
    expect(broken(['/countries', '/crisiswatch', '/crisiswatch/', '/search', '/search?q=ceasefire', '/subscribe', '/'])).toEqual([]);
  });

  it('may lead to a month across countries that some country has a published entry for', () => {
    expect(broken(['/crisiswatch/2024-06', '/crisiswatch/2024-05#freedonia', '/crisiswatch/2023-12'])).toEqual([]);
  });

  it('may not lead to a month no country has, or that only a draft has', () => {
    expect(broken(['/crisiswatch/2024-01', '/crisiswatch/2024-07', '/crisiswatch/not-a-month'])).toEqual(['/crisiswatch/2024-01', '/crisiswatch/2024-07', '/crisiswatch/not-a-month']);
  });

  it('lets a draft link to a month that only drafts have yet', () => {
    expect(broken(['/crisiswatch/2024-07'], true)).toEqual([]);
  });

  it('may lead to any page in French, at its /fr address', () => {
    expect(broken(['/fr', '/fr/', '/fr/freedonia', '/fr/freedonia/crisiswatch/2024-06#x', '/fr/crisiswatch/2023-12', '/fr/search?q=ceasefire', '/fr/ruritania/feed.xml'])).toEqual([]);
  });

  it('may not lead to a French address whose page does not exist, nor to a language the site does not have', () => {
    expect(broken(['/fr/nowhere', '/fr/freedonia/crisiswatch/2024-01', '/fr/crisiswatch/2024-07', '/fr/sitemap.xml', '/en/freedonia', '/de/freedonia'])).toEqual([
      '/fr/nowhere',
      '/fr/freedonia/crisiswatch/2024-01',
      '/fr/crisiswatch/2024-07',
      '/fr/sitemap.xml',
      '/en/freedonia',
      '/de/freedonia',
    ]);
  });
});
