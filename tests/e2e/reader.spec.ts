import { expect, test } from '@playwright/test';

/** The six quotes of the source page: date, text (start), expert, title, outlet. */
const QUOTES = [
  ['8 Feb 2023', 'The Malian army is now demonstrating its ability to organize complex operations', 'Ibrahim Maiga', 'Senior Adviser, Sahel', 'Le Monde'],
  ['5 Oct 2022', 'in Mali, the Wagner G...', 'Rinaldo Depagne', 'Deputy Program Director, Africa & Project Director, West Africa', 'Foreign Policy'],
  ['26 Jan 2022', 'Considering Ecowas’ recent failures to deter coups', 'Ibrahim Yahaya Ibrahim', 'Consulting Analyst, Sahel', 'Bloomberg'],
  ['27 May 2021', "the people in [Mali's] countryside that the state is not coming back", 'Jean-Hervé Jezequel', 'Project Director, Sahel', 'The Washington Post'],
  ['25 Sep 2020', 'Mali has a lot of issues related to the Sahel.', 'Jean-Hervé Jezequel', 'Project Director, Sahel', 'Al-Jazeera'],
  ['19 Aug 2020', 'with a confused situation in Bamako, more violent a...', 'Jean-Hervé Jezequel', 'Project Director, Sahel', 'France24'],
];

test.describe('a reader on the country page', () => {
  test('reads the profile, this month’s verdict and the entry’s start', async ({ page }) => {
    await page.goto('/mali');
    await expect(page).toHaveTitle(/^Mali: profile, CrisisWatch and expert views/);
    await expect(page.getByRole('heading', { level: 1, name: 'Mali' })).toBeVisible();
    await expect(page.getByText('Africa › Sahel').first()).toBeVisible();
    await expect(page.getByText(/Since 2012, Mali has faced a volatile crisis/)).toBeVisible();

    const box = page.getByRole('region', { name: /CrisisWatch Mali/ });
    await expect(box.getByRole('heading', { name: 'CrisisWatch Mali February 2023' })).toBeVisible();
    await expect(box.getByText('Unchanged Situation')).toBeVisible();
    await expect(box.getByText(/^Bamako expelled UN mission’s human rights chief/)).toBeVisible();
    await expect(box.getByText(/Relations with UN mission MINUSMA deteriorated further/)).toBeVisible();
    // The rest of the entry is behind Continue reading, not on the country page.
    await expect(page.getByText(/Soumouni village/)).toHaveCount(0);
  });

  test('follows Continue reading to the whole entry and back', async ({ page }) => {
    await page.goto('/mali');
    await page.getByRole('link', { name: /^Continue reading/ }).click();
    await expect(page).toHaveURL(/\/mali\/crisiswatch\/2023-02$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('CrisisWatch Mali: February 2023');
    await expect(page.getByText('Events from 27 January 2023 to 26 February 2023')).toBeVisible();
    await expect(page.getByText('Unchanged Situation')).toBeVisible();
    for (const passage of [/Relations with UN mission MINUSMA/, /Govt strengthened relations with Russia/, /Northern armed groups and Bamako exchanged threats/, /Soumouni village \(Ségou region\)/]) {
      await expect(page.getByText(passage)).toBeVisible();
    }
    // A single month has no neighbours; the page says nothing broken about it.
    await expect(page.getByRole('link', { name: /Previous month|Next month/ })).toHaveCount(0);
    await page.getByRole('link', { name: 'Back to Mali' }).click();
    await expect(page).toHaveURL(/\/mali$/);
  });

  test('reads every quote with its date, text, expert, title and outlet', async ({ page, javaScriptEnabled }) => {
    await page.goto('/mali');
    const carousel = page.getByRole('region', { name: 'In The News' });
    for (const [index, quote] of QUOTES.entries()) {
      const slide = carousel.getByRole('group', { name: `${index + 1} of ${QUOTES.length}` });
      await expect(slide).toBeVisible();
      for (const part of quote) await expect(slide).toContainText(part);
      // With JavaScript one quote shows at a time and the reader moves on; without it, all are listed.
      if (javaScriptEnabled) await carousel.getByRole('button', { name: 'Next quote' }).click();
    }
  });

  test('sees the latest updates, newest first, each a link', async ({ page }) => {
    await page.goto('/mali');
    const items = page.getByRole('region', { name: 'Latest Updates' }).getByRole('listitem');
    await expect(items).toHaveCount(5);
    await expect(items.first()).toContainText('Mali, February 2023: Unchanged Situation');
    await expect(items.first()).toContainText('26 Feb 2023');
    await expect(items.nth(1)).toContainText('Ibrahim Maiga in Le Monde');
    await items.first().getByRole('link').click();
    await expect(page).toHaveURL(/\/mali\/crisiswatch\/2023-02$/);
  });

  test('starts from the home page, which lists Mali with its latest verdict', async ({ page }) => {
    await page.goto('/');
    const mali = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Mali' }) });
    await expect(mali).toContainText('CrisisWatch February 2023');
    await expect(mali).toContainText('Unchanged Situation');
    await mali.getByRole('link', { name: 'Mali' }).click();
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
