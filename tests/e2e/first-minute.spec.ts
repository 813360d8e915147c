import { expect, test, type Locator, type Page } from '@playwright/test';
import { entryPath, quoteAnchor } from '../../lib/paths';
import { FICTIONAL_SITE_URL } from './sites';
import { escapeRegExp, liveCountry, newestEntry } from './support/live-content';

/**
 * What a new reader trips on in the first minute, each found by trying the site as one would
 * (JavaScript on and off): links that lead nowhere, pills the lists around them deform, a filter
 * that forgets the reader's choice, words written for developers.
 */
const fictional = (path: string) => `${FICTIONAL_SITE_URL}${path}`;

const latestUpdates = (page: Page) => page.getByRole('region', { name: 'Latest Updates' });

/** The quote a Latest Updates link points to, and where it sits in the carousel. */
async function quoteOfLink(link: Locator) {
  const mali = await liveCountry('mali');
  const hash = new URL((await link.getAttribute('href')) ?? '', 'http://x').hash;
  const index = mali.quotes.findIndex((quote) => hash === `#${quoteAnchor(quote.id)}`);
  expect(index, `${hash} is one of Mali's quotes`).toBeGreaterThanOrEqual(0);
  return { quote: mali.quotes[index]!, index, count: mali.quotes.length };
}

/** A quote's slide: shown (the only one, with JavaScript) and scrolled to. */
async function expectQuoteShown(page: Page, quote: { id: string; name: string }) {
  const slide = page.locator(`[id="${quoteAnchor(quote.id)}"]`);
  await expect(slide).toBeVisible();
  await expect(slide).toContainText(quote.name);
  await expect(slide).toBeInViewport();
}

test.describe('links to a quote lead to it', () => {
  test('from the country page’s Latest Updates, the quote is shown and scrolled to', async ({ page }) => {
    await page.goto('/mali');
    const links = latestUpdates(page).locator(`a[href*="#${quoteAnchor('')}"]`);
    expect(await links.count(), 'Mali’s Latest Updates list quotes').toBeGreaterThan(1);
    // The last one listed: never the carousel's first slide, and below the fold on every screen.
    const link = links.last();
    const { quote } = await quoteOfLink(link);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`#${escapeRegExp(quoteAnchor(quote.id))}$`));
    await expectQuoteShown(page, quote);
  });

  test('from an entry page, the country page opens on the quote', async ({ page }) => {
    const { country, entry } = await newestEntry('mali');
    await page.goto(entryPath(country.slug, entry.month));
    const link = latestUpdates(page).locator(`a[href*="#${quoteAnchor('')}"]`).last();
    const { quote } = await quoteOfLink(link);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/mali#${escapeRegExp(quoteAnchor(quote.id))}$`));
    await expectQuoteShown(page, quote);
  });

  test('an entry page’s Latest Updates do not list the entry itself', async ({ page }) => {
    const { country, entry } = await newestEntry('mali');
    await page.goto(entryPath(country.slug, entry.month));
    await expect(latestUpdates(page).getByRole('link')).not.toHaveCount(0);
    await expect(latestUpdates(page).locator(`a[href="${entryPath(country.slug, entry.month)}"]`)).toHaveCount(0);
  });
});

/** The box of an alert pill as the reader sees it. */
async function pillBox(pill: Locator) {
  await expect(pill).toBeVisible();
  return pill.evaluate((element) => {
    const style = getComputedStyle(element);
    const { height, width } = element.getBoundingClientRect();
    return {
      height: Math.round(height),
      wide: width > height,
      borders: [style.borderTopWidth, style.borderRightWidth, style.borderBottomWidth, style.borderLeftWidth, style.borderBottomColor, style.borderTopColor],
      radius: style.borderTopLeftRadius,
      padding: [style.paddingTop, style.paddingBottom],
    };
  });
}

test.describe('an alert pill looks the same wherever it is', () => {
  test('in the month view and the archive as on the entry page', async ({ page }) => {
    // April 2005: Ruritania's first Conflict Risk Alert (tests/fixtures/fictional-tree.ts).
    await page.goto(fictional('/ruritania/crisiswatch/2005-04'));
    const onEntry = await pillBox(page.getByRole('main').getByRole('listitem').filter({ hasText: 'Conflict Risk Alert' }).first());
    expect(onEntry.wide, 'a pill is wider than it is tall').toBe(true);
    await page.goto(fictional('/crisiswatch/2005-04'));
    const inMonth = page.locator('main li li').filter({ hasText: 'Conflict Risk Alert' }).first();
    expect(await pillBox(inMonth)).toEqual(onEntry);
    await page.goto(fictional('/ruritania/crisiswatch/page/10'));
    const inArchive = page.locator('main li li').filter({ hasText: 'Conflict Risk Alert' }).first();
    expect(await pillBox(inArchive)).toEqual(onEntry);
  });
});

test.describe('a filter error keeps the reader’s choices', () => {
  test('an end year before the start year is said once, next to the field, and both years stay chosen', async ({ page }) => {
    await page.goto(fictional('/ruritania/crisiswatch/filter?verdict=improved&from=2015&to=2010'));
    const message = 'The end year must not be before the start year';
    await expect(page.getByText(message)).toHaveCount(1);
    const to = page.getByLabel('To year');
    await expect(to).toHaveValue('2010');
    await expect(page.getByLabel('From year')).toHaveValue('2015');
    await expect(page.getByLabel('Verdict')).toHaveValue('improved');
    await expect(to).toHaveAttribute('aria-invalid', 'true');
    await expect(to).toHaveAccessibleDescription(message);
    // Corrected in place, the filter applies.
    await page.getByLabel('To year').selectOption('2016');
    await page.getByRole('button', { name: 'Show months' }).click();
    await expect(page.getByRole('status')).toContainText('improved situation, from 2015, to 2016');
  });
});

test.describe('words written for readers', () => {
  const DEVELOPER_WORDS = [
    'Its permanent address',
    'grouped as CrisisWatch groups them',
    'Data files and feeds by country',
    'A verdict shows CrisisWatch months only',
  ];

  for (const path of ['/', '/mali', '/crisiswatch', '/mali/crisiswatch', '/search', '/search?q=zzzzqqq']) {
    test(`${path} says nothing meant for developers`, async ({ page }) => {
      await page.goto(path);
      const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
      for (const words of DEVELOPER_WORDS) expect(text).not.toContain(words);
      // A span of one month is that month, not "February 2023 to February 2023".
      expect(text).not.toMatch(/(\w+ \d{4}) to \1/);
      // No sentence or list item ends in a dangling semicolon.
      for (const item of await page.locator('main li, main p').allInnerTexts()) expect(item.trim()).not.toMatch(/;$/);
    });
  }
});
