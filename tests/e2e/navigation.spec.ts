import { expect, test } from './support/test';
import { VERDICT_LABELS } from '../../lib/content/verdicts';
import { formatMonth } from '../../lib/format';
import { FICTIONAL_SITE_URL } from './sites';
import { newestEntry } from './support/live-content';

/** Each page with the section the header must mark as current (none for the home page). */
const SECTIONS: [string, string | undefined][] = [
  ['/', undefined],
  ['/countries', 'Countries'],
  ['/mali', 'Countries'],
  ['/mali/crisiswatch/2023-02', 'Countries'],
  ['/crisiswatch', 'CrisisWatch'],
  ['/search?q=army', 'Search'],
  ['/subscribe?result=pending&country=mali', 'Subscribe'],
];

test.describe('site navigation', () => {
  for (const [path, section] of SECTIONS) {
    test(`${path} names its section in the header${section ? ` (${section})` : ''}`, async ({ page }) => {
      await page.goto(path);
      const nav = page.getByRole('navigation', { name: 'Main' });
      await expect(nav.getByRole('link')).toHaveText(['Countries', 'CrisisWatch', 'Search', 'Subscribe']);
      const current = nav.locator('a[aria-current="page"]');
      if (section) await expect(current).toHaveText(section);
      else await expect(current).toHaveCount(0);
    });
  }

  test('the footer links the About page, what verdicts mean, the feed and the sitemap', async ({ page, request }) => {
    await page.goto('/mali');
    const footer = page.getByRole('contentinfo');
    for (const name of [/^About/, /What verdicts and alerts mean/, /Atom feed/, /Sitemap/]) {
      const href = await footer.getByRole('link', { name }).getAttribute('href');
      expect((await request.get(href ?? '')).status(), String(name)).toBe(200);
    }
  });

  test('the keyboard goes skip link, home, each section, the other language, then the search field, and Enter searches', async ({ page }) => {
    await page.goto('/mali');
    const expected = ['Skip to main content', process.env.SITE_NAME ?? '', 'Countries', 'CrisisWatch', 'Search', 'Subscribe', 'Français'];
    const reached: string[] = [];
    for (let step = 0; step < expected.length; step += 1) {
      await page.keyboard.press('Tab');
      reached.push((await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')) || '');
    }
    expect(reached.slice(2)).toEqual(expected.slice(2));
    await page.keyboard.press('Tab');
    await expect(page.getByRole('searchbox', { name: 'Search briefings' })).toBeFocused();
    await page.keyboard.type('army');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/search\?q=army$/);
  });
});

test.describe('pages fetched ahead', () => {
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'Pages are fetched ahead by the client router: without JavaScript a link is a plain link.');
  /** Next's client router asks for a page's data with an RSC header (or an _rsc query). */
  const isPageData = (request: { headers: () => Record<string, string>; url: () => string }) => 'rsc' in request.headers() || new URL(request.url()).searchParams.has('_rsc');

  test('loading a page fetches no other page; reaching for a link fetches only its page, and the click still goes there', async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (request) => {
      if (isPageData(request)) fetched.push(new URL(request.url()).pathname);
    });
    await page.goto('/mali');
    await page.waitForLoadState('networkidle');
    expect(fetched, 'pages fetched while the reader only looked').toEqual([]);

    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'CrisisWatch' }).hover();
    // A page's data may come in more than one request (its tree, then its segments).
    await expect.poll(() => [...new Set(fetched)]).toEqual(['/crisiswatch']);
    await nav.getByRole('link', { name: 'Countries' }).focus();
    await expect.poll(() => [...new Set(fetched)]).toEqual(['/crisiswatch', '/countries']);

    await nav.getByRole('link', { name: 'CrisisWatch' }).click();
    await expect(page).toHaveURL(/\/crisiswatch$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('CrisisWatch');
  });

  test('a reader who asked the browser to save data gets nothing fetched ahead, even on hover', async ({ page }) => {
    await page.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true, effectiveType: '4g' } }));
    const fetched: string[] = [];
    page.on('request', (request) => {
      if (isPageData(request)) fetched.push(new URL(request.url()).pathname);
    });
    await page.goto('/mali');
    await page.waitForLoadState('networkidle');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'CrisisWatch' }).hover();
    await page.waitForTimeout(500);
    expect(fetched).toEqual([]);
  });

  for (const path of ['/mali', '/fr/mali/crisiswatch/2023-02']) {
    test(`${path} fetches its scripts only once it has loaded and shown its text, then works as before`, async ({ page }) => {
      // The stylesheet and fonts the first paint waits for have the connection to themselves.
      await page.goto(path);
      const timing = await page.evaluate(() => ({
        loaded: performance.getEntriesByType('navigation')[0]!.toJSON().loadEventStart as number,
        painted: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity,
        scripts: performance.getEntriesByType('resource').filter((entry) => /\/_next\/static\/.*\.js$/.test(entry.name)).map((entry) => entry.startTime),
        styles: performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('.css')).map((entry) => entry.startTime),
      }));
      expect(timing.scripts.length).toBeGreaterThan(3);
      expect(timing.scripts.every((start) => start >= timing.loaded && start >= timing.painted), JSON.stringify(timing)).toBe(true);
      expect(timing.styles.every((start) => start < timing.loaded)).toBe(true);
      // React took over: the client router now goes to the next page without reloading this one.
      await page.evaluate(() => Object.assign(window, { sameDocument: true }));
      await page.getByRole('navigation', { name: /Main|Principal/ }).getByRole('link', { name: 'CrisisWatch' }).click();
      await expect(page).toHaveURL(/\/crisiswatch$/);
      expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
    });
  }
});

test.describe('countries by region', () => {
  test('lists every country under its regions, broadest first, with the latest verdict in words', async ({ page }) => {
    await page.goto(`${FICTIONAL_SITE_URL}/countries`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Countries');
    const ruritania = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Ruritania', exact: true }) });
    await expect(ruritania).toContainText(/CrisisWatch \w+ \d{4}: (Deteriorated|Improved|Unchanged)/);
    await ruritania.getByRole('link', { name: 'Ruritania', exact: true }).click();
    await expect(page).toHaveURL(/\/ruritania$/);
  });

  test('the real site lists each country under its broadest region, with its newest month and feed', async ({ page }) => {
    const { country, entry } = await newestEntry('mali');
    await page.goto('/countries');
    const region = page.getByRole('region', { name: country.region[0] });
    const item = region.getByRole('listitem').filter({ has: page.getByRole('link', { name: country.name, exact: true }) });
    await expect(item).toContainText(`CrisisWatch ${formatMonth(entry.month)}: ${VERDICT_LABELS[entry.verdict]}`);
    await expect(item.getByRole('link', { name: `Atom feed of ${country.name}` })).toHaveAttribute('href', `/${country.slug}/feed.xml`);
  });
});

test.describe('an entry on paper', () => {
  test('drops the navigation and the side column, and prints each link’s address and its own', async ({ page, baseURL }) => {
    const { country, entry } = await newestEntry('mali');
    await page.goto(`/${country.slug}/crisiswatch/${entry.month}`);
    const printedFrom = page.getByText(`Printed from ${baseURL}/${country.slug}/crisiswatch/${entry.month}`);
    await expect(printedFrom).toBeHidden();
    await page.emulateMedia({ media: 'print' });
    await expect(printedFrom).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Latest Updates' })).toBeHidden();
    // On paper the address is part of the link's text, so the link is found by where it points.
    const countryLink = page.getByRole('main').locator(`a[href="/${country.slug}"]`).first();
    const after = await countryLink.evaluate((link) => getComputedStyle(link, '::after').content);
    expect(after).toContain(`/${country.slug}`);
  });
});
