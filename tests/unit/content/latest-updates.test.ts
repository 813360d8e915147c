import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getLatestUpdates } from '@/lib/content/latest-updates';
import { loadContent } from '@/lib/content/load-content';

describe('latest updates', async () => {
  const { countries } = await loadContent(path.resolve('tests/fixtures/valid'));
  const [freedonia, ruritania] = countries;

  it('mixes entries and quotes, newest first, each linking to its whole', () => {
    expect(freedonia && getLatestUpdates(freedonia, 'en', { limit: 3 })).toEqual([
      { kind: 'news', date: '2024-06-30', title: 'Rufus T. Firefly in The Freedonia Gazette', href: '/freedonia#quote-2024-06-30-rufus-firefly' },
      { kind: 'crisiswatch', date: '2024-06-27', title: 'Freedonia, June 2024: Unchanged Situation', href: '/freedonia/crisiswatch/2024-06' },
      { kind: 'news', date: '2024-06-02', title: 'Rufus T. Firefly in The Freedonia Gazette', href: '/freedonia#quote-2024-06-02-rufus-firefly' },
    ]);
  });

  it('leaves out the page it sits beside, and still lists as many', () => {
    const updates = freedonia ? getLatestUpdates(freedonia, 'en', { limit: 3, except: '/freedonia/crisiswatch/2024-06' }) : [];
    expect(updates.map((update) => update.href)).toEqual([
      '/freedonia#quote-2024-06-30-rufus-firefly',
      '/freedonia#quote-2024-06-02-rufus-firefly',
      '/freedonia/crisiswatch/2024-05',
    ]);
  });

  it('answers each call for the same country anew: its own page left out, in the language asked', () => {
    if (!freedonia) throw new Error('the fixture has no Freedonia');
    const hrefs = (except?: string) => getLatestUpdates(freedonia, 'en', { limit: 2, except }).map((update) => update.href);
    expect(hrefs('/freedonia/crisiswatch/2024-06')).toEqual(['/freedonia#quote-2024-06-30-rufus-firefly', '/freedonia#quote-2024-06-02-rufus-firefly']);
    expect(hrefs()).toEqual(['/freedonia#quote-2024-06-30-rufus-firefly', '/freedonia/crisiswatch/2024-06']);
    expect(getLatestUpdates(freedonia, 'fr', { limit: 2 })[1]).toMatchObject({ kind: 'crisiswatch', href: '/fr/freedonia/crisiswatch/2024-06' });
    expect(getLatestUpdates(freedonia, 'fr', { limit: 2 })[1]?.title).toContain('juin 2024');
  });

  it('is empty, not broken, for a country with nothing dated', () => {
    expect(ruritania && getLatestUpdates(ruritania, 'en')).toEqual([]);
  });
});
