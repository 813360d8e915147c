import { expect, test } from './support/test';
import type { Country } from '../../lib/content/load-content';
import { ALERT_LABELS, VERDICT_LABELS } from '../../lib/content/verdicts';
import { formatLongDate, formatMonth, formatShortDate, nextMonth } from '../../lib/format';
import { pathsFor, quoteAnchor } from '../../lib/paths';
import { escapeRegExp, htmlText, liveCountry, newestEntry, paragraphsOf } from './support/live-content';

const { country: countryPath, entry: entryPath } = pathsFor('en');

/** Latest Updates, by the rule the page states: CrisisWatch entries (dated by the last day they cover) and quotes, newest first, five at most. */
function latestUpdates(country: Country) {
  const entries = country.entries.map((entry) => ({ date: entry.period.to, title: `${country.name}, ${formatMonth(entry.month)}: ${VERDICT_LABELS[entry.verdict]}`, href: entryPath(country.slug, entry.month) }));
  const quotes = country.quotes.map((quote) => ({ date: quote.date, title: `${quote.name} in ${quote.outlet}`, href: `${countryPath(country.slug)}#${quoteAnchor(quote.id)}` }));
  return [...entries, ...quotes].sort((a, b) => b.date.localeCompare(a.date)).slice(0, 5);
}

test.describe('a reader on the country page', () => {
  test('reads the profile, this month’s verdict and the entry’s start', async ({ page }) => {
    const { country: mali, entry } = await newestEntry('mali');
    await page.goto('/mali');
    await expect(page).toHaveTitle(new RegExp(`^${escapeRegExp(mali.name)}: profile, CrisisWatch and expert views`));
    await expect(page.getByRole('heading', { level: 1, name: mali.name })).toBeVisible();
    // Where it sits: each region a link to its place among the countries, then the country itself.
    const trail = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('listitem');
    await expect(trail).toHaveText([...mali.region, mali.name]);
    await expect(trail.last().getByRole('link')).toHaveCount(0);
    await expect(trail.first().getByRole('link')).toHaveAttribute('href', `/countries#region-${mali.region[0]!.toLowerCase()}`);
    await expect(page.locator('main')).toContainText(mali.profileExcerpt);

    const box = page.getByRole('region', { name: new RegExp(`CrisisWatch ${escapeRegExp(mali.name)}`) });
    await expect(box.getByRole('heading', { name: `CrisisWatch ${mali.name} ${formatMonth(entry.month)}` })).toBeVisible();
    await expect(box.getByText(VERDICT_LABELS[entry.verdict], { exact: true })).toBeVisible();
    await expect(box.getByText(`Trends in ${formatMonth(entry.month)}`)).toBeVisible();
    await expect(box).toContainText(entry.lead);
    await expect(box).toContainText(entry.excerptText);
    // The rest of the entry is behind Continue reading, not on the country page.
    for (const paragraph of paragraphsOf(entry.html).slice(1)) await expect(page.getByText(paragraph)).toHaveCount(0);
  });

  test('follows Continue reading to the whole entry and back', async ({ page }) => {
    const { country: mali, entry } = await newestEntry('mali');
    await page.goto('/mali');
    await page.getByRole('link', { name: /^Continue reading/ }).click();
    await expect(page).toHaveURL(new RegExp(`${escapeRegExp(entryPath(mali.slug, entry.month))}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`CrisisWatch ${mali.name}: ${formatMonth(entry.month)}`);
    await expect(page.getByText(`Events from ${formatLongDate(entry.period.from)} to ${formatLongDate(entry.period.to)}`)).toBeVisible();
    await expect(page.getByText(VERDICT_LABELS[entry.verdict], { exact: true })).toBeVisible();
    for (const alert of entry.alerts) await expect(page.getByRole('list', { name: `Outlook for ${formatMonth(nextMonth(entry.month))}` })).toContainText(ALERT_LABELS[alert]);
    const article = page.getByRole('article');
    for (const paragraph of paragraphsOf(entry.html)) await expect(article).toContainText(paragraph);
    // The newest month has no next month; it links the month before when the archive has one.
    await expect(page.getByRole('link', { name: /Next month/ })).toHaveCount(0);
    const older = mali.entries[1];
    await expect(page.getByRole('link', { name: /Previous month/ })).toHaveCount(older ? 1 : 0);
    if (older) await expect(page.getByRole('link', { name: `Previous month: ${formatMonth(older.month)}` })).toBeVisible();
    await page.getByRole('link', { name: `Back to ${mali.name}` }).click();
    await expect(page).toHaveURL(/\/mali$/);
  });

  test('reads every quote with its date, text, expert, title and outlet', async ({ page, javaScriptEnabled }) => {
    const { quotes } = await liveCountry('mali');
    await page.goto('/mali');
    const carousel = page.getByRole('region', { name: 'In The News' });
    for (const [index, quote] of quotes.entries()) {
      const slide = carousel.getByRole('group', { name: `${index + 1} of ${quotes.length}` });
      await expect(slide).toBeVisible();
      for (const part of [formatShortDate(quote.date), htmlText(quote.html), quote.name, quote.title, quote.outlet]) await expect(slide).toContainText(part);
      // With JavaScript one quote shows at a time and the reader moves on; without it, all are listed.
      if (javaScriptEnabled) await carousel.getByRole('button', { name: 'Next quote' }).click();
    }
  });

  test('sees the latest updates, newest first, each a link', async ({ page }) => {
    const mali = await liveCountry('mali');
    const expected = latestUpdates(mali);
    await page.goto('/mali');
    const items = page.getByRole('region', { name: 'Latest Updates' }).getByRole('listitem');
    await expect(items).toHaveCount(expected.length);
    for (const [index, update] of expected.entries()) {
      await expect(items.nth(index).getByRole('link', { name: update.title, exact: true })).toHaveAttribute('href', update.href);
      await expect(items.nth(index)).toContainText(formatShortDate(update.date));
    }
    await items.first().getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`${escapeRegExp(expected[0]!.href)}$`));
  });

  test('starts from the home page, which lists Mali with its latest verdict', async ({ page }) => {
    const { country, entry } = await newestEntry('mali');
    await page.goto('/');
    const mali = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: country.name }) });
    await expect(mali).toContainText(`CrisisWatch ${formatMonth(entry.month)}`);
    await expect(mali).toContainText(VERDICT_LABELS[entry.verdict]);
    await mali.getByRole('link', { name: country.name }).click();
    await expect(page).toHaveURL(/\/mali$/);
  });

  for (const path of ['/atlantis', '/mali/crisiswatch/2099-01', '/mali/crisiswatch/not-a-month', '/mali/nothing/here']) {
    test(`gets a real 404 page at ${path}`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'See every country we follow' })).toBeVisible();
    });
  }
});

test.describe('every page describes itself', () => {
  for (const path of ['/', '/mali', '/mali/crisiswatch/2023-02']) {
    test(`${path} has a title, description, canonical URL, lang, Open Graph tags and a favicon`, async ({ page, baseURL }) => {
      await page.goto(path);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.title()).not.toBe('');
      await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /\S{20,}|.{40,}/);
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL}${path === '/' ? '' : path}`);
      for (const property of ['og:title', 'og:description', 'og:url', 'og:type', 'og:site_name']) {
        await expect(page.locator(`meta[property="${property}"]`)).toHaveAttribute('content', /.+/);
      }
      const image = await page.locator('meta[property="og:image"]').first().getAttribute('content');
      const imageResponse = await page.request.get(image ?? '');
      expect(imageResponse.headers()['content-type']).toBe('image/png');
      const icon = await page.locator('link[rel="icon"]').getAttribute('href');
      expect(icon).toBeTruthy();
      const iconResponse = await page.request.get(icon ?? '');
      expect(iconResponse.status()).toBe(200);
    });
  }
});
