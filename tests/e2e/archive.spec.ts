import { expect, test } from './support/test';
import { ARCHIVE_PAGE_SIZE } from '../../lib/content/archive';
import type { CrisisWatchEntry } from '../../lib/content/load-content';
import { ALERT_LABELS, VERDICT_LABELS } from '../../lib/content/verdicts';
import { formatMonth } from '../../lib/format';
import { pathsFor } from '../../lib/paths';
import { FICTIONAL_SITE_URL } from './sites';
import { watchViolations } from './support/csp';
import { escapeRegExp, liveCountry, newestEntry } from './support/live-content';

const { entry: entryPath } = pathsFor('en');

const ruritania = (path: string) => `${FICTIONAL_SITE_URL}/ruritania${path}`;

/** A timeline mark's name, as a screen reader announces it: `February 2023: unchanged situation`. */
const markName = (entry: CrisisWatchEntry) =>
  `${formatMonth(entry.month)}: ${[VERDICT_LABELS[entry.verdict], ...entry.alerts.map((alert) => ALERT_LABELS[alert])].join(', ').toLowerCase()}`;

test.describe('the CrisisWatch archive of Mali', () => {
  test('lists every month with its verdict in words and lead, each a link to the entry', async ({ page }) => {
    const mali = await liveCountry('mali');
    await page.goto('/mali');
    await page.getByRole('link', { name: `All CrisisWatch months for ${mali.name}` }).click();
    await expect(page).toHaveURL(/\/mali\/crisiswatch$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`CrisisWatch ${mali.name}: every month`);
    const onFirstPage = mali.entries.slice(0, ARCHIVE_PAGE_SIZE);
    await expect(page.locator('.archive-list > li')).toHaveCount(onFirstPage.length);
    for (const entry of onFirstPage) {
      const month = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: formatMonth(entry.month) }) });
      await expect(month).toContainText(VERDICT_LABELS[entry.verdict]);
      await expect(month).toContainText(entry.lead);
    }
    const newest = mali.entries[0]!;
    await page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: formatMonth(newest.month) }) }).getByRole('link', { name: formatMonth(newest.month) }).click();
    await expect(page).toHaveURL(new RegExp(`${escapeRegExp(entryPath(mali.slug, newest.month))}$`));
    await page.getByRole('link', { name: 'All months' }).click();
    await expect(page).toHaveURL(/\/mali\/crisiswatch$/);
  });

  test('the timeline on the country page names each mark and links it to its month', async ({ page }) => {
    const mali = await liveCountry('mali');
    await page.goto('/mali');
    for (const entry of mali.entries) {
      await expect(page.getByRole('link', { name: markName(entry), exact: true })).toHaveAttribute('href', entryPath(mali.slug, entry.month));
    }
    const newest = mali.entries[0]!;
    await page.getByRole('link', { name: markName(newest), exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${escapeRegExp(entryPath(mali.slug, newest.month))}$`));
  });

  test('a timeline mark is reached and followed with the keyboard', async ({ page, javaScriptEnabled }) => {
    const mali = await liveCountry('mali');
    // The chart is one Tab stop entered at the newest month; without JavaScript every month is a
    // stop of its own, in the chart's order (a row a year from the oldest).
    const first = javaScriptEnabled ? mali.entries[0]! : mali.entries.at(-1)!;
    await page.goto('/mali');
    await page.getByRole('link', { name: 'Skip the chart' }).focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: markName(first), exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${escapeRegExp(entryPath(mali.slug, first.month))}$`));
  });
});

test.describe('twenty years of a fictional country', () => {
  test('the timeline draws 240 named marks, a row a year', async ({ page }) => {
    await page.goto(ruritania('/crisiswatch'));
    const chart = page.getByRole('group', { name: 'Verdict history' });
    await expect(chart.getByRole('link')).toHaveCount(240);
    await expect(chart.getByRole('link', { name: 'April 2005: improved situation, conflict risk alert' })).toHaveAttribute('href', '/ruritania/crisiswatch/2005-04');
    const box = await chart.boundingBox();
    // Legible: a mark a month at desktop width, not squeezed into a strip.
    expect(box && box.height / 20).toBeGreaterThanOrEqual(20);
    await expect(page.getByText('240 months, January 2005 to December 2024').first()).toBeVisible();
  });

  test('pages through the archive with stable URLs', async ({ page }) => {
    await page.goto(ruritania('/crisiswatch'));
    await expect(page.getByRole('status')).toHaveText('240 months; page 1 of 10: December 2024 to January 2023.');
    await expect(page.locator('.archive-list > li')).toHaveCount(24);
    const pages = page.getByRole('navigation', { name: 'Archive pages' });
    await pages.getByRole('link', { name: 'Older' }).click();
    await expect(page).toHaveURL(ruritania('/crisiswatch/page/2'));
    await expect(page.getByRole('status')).toHaveText('240 months; page 2 of 10: December 2022 to January 2021.');
    await pages.getByRole('link', { name: 'Page 10' }).click();
    await expect(page).toHaveURL(ruritania('/crisiswatch/page/10'));
    await expect(page.locator('.archive-list > li').last()).toContainText('January 2005');
    await expect(pages.getByRole('link', { name: 'Older' })).toHaveCount(0);
    expect((await page.goto(ruritania('/crisiswatch/page/11')))?.status()).toBe(404);
  });

  test('filters by verdict and year range with a GET form', async ({ page }) => {
    await page.goto(ruritania('/crisiswatch'));
    await page.getByLabel('Verdict', { exact: true }).selectOption('improved');
    await page.getByLabel('From year').selectOption('2010');
    await page.getByLabel('To year').selectOption('2012');
    await page.getByRole('button', { name: 'Show months' }).click();
    await expect(page).toHaveURL(ruritania('/crisiswatch/filter?verdict=improved&from=2010&to=2012'));
    await expect(page.getByRole('status')).toHaveText('9 months matching improved situation, from 2010, to 2012.');
    await expect(page.locator('.archive-list > li')).toHaveCount(9);
    for (const item of await page.locator('.archive-list > li').all()) await expect(item).toContainText('Improved Situation');
    // The form shows the filter it applied, and clearing it returns to the whole archive.
    await expect(page.getByLabel('Verdict', { exact: true })).toHaveValue('improved');
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL(ruritania('/crisiswatch'));
  });

  test('a filtered view pages with its filter kept', async ({ page }) => {
    await page.goto(ruritania('/crisiswatch/filter?verdict=unchanged'));
    await expect(page.getByRole('status')).toHaveText('120 months matching unchanged situation; page 1 of 5: November 2024 to January 2021.');
    await page.getByRole('navigation', { name: 'Archive pages' }).getByRole('link', { name: 'Page 5' }).click();
    await expect(page).toHaveURL(ruritania('/crisiswatch/filter?verdict=unchanged&page=5'));
    await expect(page.locator('.archive-list > li').last()).toContainText('January 2005');
  });

  test('a page past the end of a filtered view says so and shows the last page, in the site frame', async ({ page }) => {
    const response = await page.goto(ruritania('/crisiswatch/filter?verdict=unchanged&page=9'));
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('There is no page 9: these months fill 5 pages. Here is the last one.');
    await expect(page.getByRole('status')).toContainText('120 months matching unchanged situation; page 5 of 5:');
    await expect(page.getByRole('navigation', { name: 'Archive pages' }).getByRole('link', { name: 'Page 1' })).toBeVisible();
  });

  test('the filtered view of a country the site does not have is the site not-found page', async ({ page }) => {
    const response = await page.goto(`${FICTIONAL_SITE_URL}/atlantis/crisiswatch/filter?verdict=unchanged`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'See every country we follow' })).toBeVisible();
  });

  test('explains a filter it cannot apply', async ({ page }) => {
    await page.goto(ruritania('/crisiswatch/filter?from=2015&to=2010&verdict=worse'));
    await expect(page.getByLabel('Verdict', { exact: true })).toHaveAccessibleDescription('Choose a verdict from the list');
    await expect(page.getByLabel('To year')).toHaveAccessibleDescription('The end year must not be before the start year');
    await expect(page.getByLabel('To year')).toHaveAttribute('aria-invalid', 'true');
  });
});

test.describe('a second country appears everywhere by adding markdown only', () => {
  test('home, pages, feeds, data and sitemap', async ({ page, request }) => {
    await page.goto(`${FICTIONAL_SITE_URL}/`);
    // The home page leads with the latest month across countries, then lists every country.
    const everyCountry = page.getByRole('region', { name: 'Every country we follow' });
    for (const name of ['Freedonia', 'Ruritania']) await expect(everyCountry.getByRole('heading', { level: 3, name })).toBeVisible();
    await everyCountry.getByRole('link', { name: 'Freedonia', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Freedonia' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'April 2024: deteriorated situation, conflict risk alert' })).toBeVisible();

    const feed = await request.get(`${FICTIONAL_SITE_URL}/freedonia/feed.xml`);
    expect(feed.headers()['content-type']).toContain('application/atom+xml');
    expect(await feed.text()).toContain('Freedonia, May 2024: Improved Situation, Resolution Opportunity');
    const siteFeed = await (await request.get(`${FICTIONAL_SITE_URL}/feed.xml`)).text();
    // Ruritania 240, Freedonia 3, and the four invented countries of 2024 with 12 each.
    expect(siteFeed.match(/<entry>/g)).toHaveLength(243 + 4 * 12);
    const csv = await (await request.get(`${FICTIONAL_SITE_URL}/ruritania/crisiswatch.csv`)).text();
    expect(csv.trim().split('\r\n')).toHaveLength(241);
    const json = (await (await request.get(`${FICTIONAL_SITE_URL}/freedonia/crisiswatch.json`)).json()) as { months: unknown[] };
    expect(json.months).toHaveLength(3);
    const sitemap = await (await request.get(`${FICTIONAL_SITE_URL}/sitemap.xml`)).text();
    expect(sitemap).toContain(`${FICTIONAL_SITE_URL}/freedonia/crisiswatch/2024-05`);
    expect(sitemap).toContain(`${FICTIONAL_SITE_URL}/ruritania/crisiswatch/page/10`);
    expect(sitemap).toContain(`${FICTIONAL_SITE_URL}/crisiswatch/2024-05`);
    // Home, /countries, About and the verdicts guide; 6 country pages; archive pages (Ruritania 10, the others 1 each); entries; a page per month across countries.
    // Each page in English and in French, the French one at the same path under /fr.
    const pages = 4 + 6 + (10 + 5) + (240 + 3 + 4 * 12) + 240;
    expect(sitemap.match(/<loc>/g)?.length).toBe(2 * pages);
    expect(sitemap.match(/<loc>[^<]*\/fr(?:\/[^<]*)?<\/loc>/g)?.length).toBe(pages);
    expect(sitemap).toContain(`${FICTIONAL_SITE_URL}/fr/freedonia/crisiswatch/2024-05`);
  });
});

test.describe('feeds, data and search metadata for Mali', () => {
  test('each page links its feeds from the head', async ({ page }) => {
    await page.goto('/mali/crisiswatch/2023-02');
    await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveCount(2);
    const hrefs = await page.locator('link[rel="alternate"][type="application/atom+xml"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs.map((href) => new URL(href ?? '').pathname)).toEqual(['/mali/feed.xml', '/feed.xml']);
  });

  test('the entry describes itself as an article with its date', async ({ page }) => {
    const { country, entry } = await newestEntry('mali');
    await page.goto(entryPath(country.slug, entry.month));
    const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as Record<string, unknown>;
    expect(data).toMatchObject({
      '@type': 'Article',
      datePublished: entry.period.to,
      headline: `CrisisWatch ${country.name}, ${formatMonth(entry.month)}: ${VERDICT_LABELS[entry.verdict]}`,
      description: entry.lead,
    });
  });

  test('the country and entry pages have their own share images', async ({ page, request }) => {
    for (const path of ['/mali', '/mali/crisiswatch/2023-02']) {
      await page.goto(path);
      const image = await page.locator('meta[property="og:image"]').first().getAttribute('content');
      expect(new URL(image ?? '').pathname).toBe(`${path}/opengraph-image`);
      const response = await request.get(image ?? '');
      expect(response.headers()['content-type']).toBe('image/png');
      // Drawn on request for an entry, kept by shared caches like any page.
      expect(response.headers()['cache-control']).toContain('public');
    }
    // Only for months that exist: drawn on request does not mean for any address.
    expect((await request.get('/mali/crisiswatch/1999-01/opengraph-image')).status()).toBe(404);
    expect((await request.get('/atlantis/crisiswatch/2023-02/opengraph-image')).status()).toBe(404);
  });

  test('robots.txt points at the sitemap', async ({ request, baseURL }) => {
    const robots = await (await request.get('/robots.txt')).text();
    expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
  });
});

test.describe('an archive month past the prerendered ones', () => {
  // The build prerenders the latest twelve months (PRERENDER_MONTHS): Ruritania's March 2006, the
  // month across countries and the archive's later pages are rendered on their first request and
  // kept by the server. Every visit must be that same page, with its scripts allowed for the reader.
  const OLD_PAGES = [
    { path: ruritania('/crisiswatch/2006-03'), heading: `CrisisWatch Ruritania: ${formatMonth('2006-03')}` },
    { path: `${FICTIONAL_SITE_URL}/fr/ruritania/crisiswatch/2006-03`, heading: `CrisisWatch Ruritania\u00a0: ${formatMonth('2006-03', 'fr')}` },
    { path: `${FICTIONAL_SITE_URL}/crisiswatch/2006-03`, heading: formatMonth('2006-03') },
    { path: ruritania('/crisiswatch/page/9'), heading: 'CrisisWatch Ruritania: every month' },
  ];

  for (const { path, heading } of OLD_PAGES) {
    test(`${path.replace(FICTIONAL_SITE_URL, '')} is the same page on every visit, its scripts allowed each time`, async ({ page, javaScriptEnabled }) => {
      const violations = await watchViolations(page);
      const nonces: string[] = [];
      const browserCache = await page.context().newCDPSession(page);
      for (let visit = 0; visit < 2; visit += 1) {
        // As a second reader would: the page asked of the server again, not taken from this browser's cache.
        await browserCache.send('Network.clearBrowserCache');
        // With scripts on, each visit resolves only once React has hydrated the page (support/test.ts).
        const response = await page.goto(path);
        expect(response?.status()).toBe(200);
        await expect(page.getByRole('heading', { level: 1 })).toContainText(heading);
        const headers = response!.headers();
        // The same for every reader, but carrying a nonce of its own: kept by the browser, not by shared caches.
        expect(headers['cache-control']).toBe('private, max-age=300');
        expect(Object.keys(headers).filter((name) => name.startsWith('x-nextjs-'))).toEqual([]);
        nonces.push(/'nonce-([^']+)'/.exec(headers['content-security-policy'] ?? '')?.[1] ?? '');
        if (javaScriptEnabled) expect(await page.evaluate(() => document.documentElement.dataset.hydrated)).toBe('true');
      }
      expect(nonces[0]).not.toBe('');
      expect(nonces[1]).not.toBe(nonces[0]);
      expect(await violations()).toEqual([]);
    });
  }

  test('a month, page or address that is not in the archive is the site’s not-found page', async ({ page }) => {
    for (const path of ['/ruritania/crisiswatch/1999-01', '/fr/ruritania/crisiswatch/1999-01', '/crisiswatch/1999-01', '/ruritania/crisiswatch/page/11', '/ruritania/crisiswatch/page/02', '/nowhere/crisiswatch/2006-03']) {
      const response = await page.goto(`${FICTIONAL_SITE_URL}${path}`);
      expect(response?.status(), path).toBe(404);
      // In the page's HTML itself, for a reader without JavaScript too.
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' }), path).toBeVisible();
    }
  });
});
