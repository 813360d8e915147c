import { expect, test } from './support/test';
import { FICTIONAL_SITE_URL } from './sites';

/** The fictional site's Freedonia has a draft month (tests/fixtures/generate-fictional-site.ts). */
const DRAFT = '2024-07';

test('a draft entry is left out of every page, feed, sitemap and data file of the production build', async ({ request }) => {
  expect((await request.get(`${FICTIONAL_SITE_URL}/freedonia/crisiswatch/${DRAFT}`)).status()).toBe(404);
  for (const path of ['/freedonia', '/freedonia/crisiswatch', '/freedonia/feed.xml', '/feed.xml', '/sitemap.xml', '/freedonia/crisiswatch.json', '/freedonia/crisiswatch.csv']) {
    const response = await request.get(`${FICTIONAL_SITE_URL}${path}`);
    expect(response.status(), path).toBe(200);
    const body = await response.text();
    // Ruritania has a July 2024 too: only Freedonia's is a draft.
    expect(body, path).not.toContain(path.startsWith('/freedonia') ? DRAFT : `/freedonia/crisiswatch/${DRAFT}`);
    expect(body, path).not.toContain('unfinished fictional draft');
  }
  // The month before it is published as usual, and is the newest.
  expect(await (await request.get(`${FICTIONAL_SITE_URL}/freedonia/crisiswatch.json`)).text()).toContain('2024-06');
});
