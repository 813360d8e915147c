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

  it('is empty, not broken, for a country with nothing dated', () => {
    expect(ruritania && getLatestUpdates(ruritania, 'en')).toEqual([]);
  });
});
