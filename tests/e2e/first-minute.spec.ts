import { expect, test, type Locator, type Page } from './support/test';
import { VERDICT_LABELS } from '../../lib/content/verdicts';
import { formatMonth } from '../../lib/format';
import { pathsFor, quoteAnchor } from '../../lib/paths';
import { FICTIONAL_SITE_URL } from './sites';
import { escapeRegExp, liveCountry, newestEntry } from './support/live-content';

const { entry: entryPath } = pathsFor('en');

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
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'a layout or a plain form: the same without JavaScript');
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
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'a layout or a plain form: the same without JavaScript');
  test('an end year before the start year is said once, next to the field, and both years stay chosen', async ({ page }) => {
    await page.goto(fictional('/ruritania/crisiswatch/filter?verdict=improved&from=2015&to=2010'));
    const message = 'The end year must not be before the start year';
    await expect(page.getByText(message)).toHaveCount(1);
    const to = page.getByLabel('To year');
    await expect(to).toHaveValue('2010');
    await expect(page.getByLabel('From year')).toHaveValue('2015');
    await expect(page.getByLabel('Verdict', { exact: true })).toHaveValue('improved');
    await expect(to).toHaveAttribute('aria-invalid', 'true');
    await expect(to).toHaveAccessibleDescription(message);
    // Corrected in place, the filter applies.
    await page.getByLabel('To year').selectOption('2016');
    await page.getByRole('button', { name: 'Show months' }).click();
    await expect(page.getByRole('status')).toContainText('improved situation, from 2015, to 2016');
  });
});

test.describe('words written for readers', () => {
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'a layout or a plain form: the same without JavaScript');
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

/** What a reader comes for on a country page: the latest verdict, its month, and the lead. */
test.describe('the verdict comes first', () => {
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 900 },
  ]) {
    test(`on the country page at ${viewport.width} × ${viewport.height}, the verdict, its month and the lead are in the first screen`, async ({ page }) => {
      const { country, entry } = await newestEntry('mali');
      await page.setViewportSize(viewport);
      await page.goto(`/${country.slug}`);
      const box = page.getByRole('region', { name: new RegExp(`^CrisisWatch ${escapeRegExp(country.name)}`) });
      for (const part of [box.getByText(VERDICT_LABELS[entry.verdict], { exact: true }), box.getByText(`Trends in ${formatMonth(entry.month)}`), box.getByText(entry.lead)]) {
        await expect(part).toBeVisible();
        const bottom = await part.evaluate((element) => element.getBoundingClientRect().bottom);
        expect(bottom, 'above the fold').toBeLessThanOrEqual(viewport.height);
      }
      // The header leaves the page the first screen: at most 15% of it.
      const header = await page.locator('.site-header').evaluate((element) => element.getBoundingClientRect().height);
      expect(header).toBeLessThanOrEqual(viewport.height * 0.15);
    });
  }
});

test.describe('the verdict history costs a keyboard one stop', () => {
  test('240 months are passed in a Tab or two', async ({ page, javaScriptEnabled }) => {
    await page.goto(fictional('/ruritania'));
    const chart = page.getByRole('group', { name: 'Verdict history' });
    await expect(chart.getByRole('link')).toHaveCount(240);
    const skip = page.getByRole('link', { name: 'Skip the chart' });
    await skip.focus();
    const inChart = () => page.evaluate(() => document.activeElement?.closest('svg.timeline-chart') !== null);
    if (javaScriptEnabled) {
      // Tab enters the chart at the newest month, and the next Tab leaves it.
      await page.keyboard.press('Tab');
      await expect(chart.getByRole('link', { name: /^December 2024: / })).toBeFocused();
      await page.keyboard.press('ArrowLeft');
      await expect(chart.getByRole('link', { name: /^November 2024: / })).toBeFocused();
      await page.keyboard.press('ArrowUp');
      await expect(chart.getByRole('link', { name: /^November 2023: / })).toBeFocused();
      await page.keyboard.press('Home');
      await expect(chart.getByRole('link', { name: /^January 2005: / })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(fictional('/ruritania/crisiswatch/2005-01'));
      await page.goBack();
      await skip.focus();
      await page.keyboard.press('Tab');
      expect(await inChart()).toBe(true);
      await page.keyboard.press('Tab');
      expect(await inChart()).toBe(false);
    } else {
      // Without JavaScript each month is a link of its own, and the skip link passes them all.
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      expect(await inChart()).toBe(false);
      await expect(page.getByRole('link', { name: 'All CrisisWatch months for Ruritania' })).toBeFocused();
    }
  });
});

test.describe('the archive is found by year', () => {
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'a layout or a plain form: the same without JavaScript');
  test('each page link says which years it holds', async ({ page }) => {
    await page.goto(fictional('/ruritania/crisiswatch'));
    const pages = page.getByRole('navigation', { name: 'Archive pages' });
    await expect(pages.getByRole('listitem')).toContainText(['2023–2024', '2021–2022', '2019–2020', '2017–2018', '2015–2016', '2013–2014', '2011–2012', '2009–2010', '2007–2008', '2005–2006']);
    await pages.getByRole('link', { name: /2013–2014$/ }).click();
    await expect(page).toHaveURL(fictional('/ruritania/crisiswatch/page/6'));
    await expect(page.getByRole('status')).toContainText('December 2014 to January 2013');
    await expect(pages.locator('[aria-current="page"]')).toHaveText(/2013–2014$/);
  });
});

test.describe('a wide screen is used', () => {
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'a layout or a plain form: the same without JavaScript');
  const RIGHT_PART = 0.6 * 1280;
  for (const path of ['/', '/countries', '/crisiswatch', '/search', '/search?q=army', '/mali', '/mali/crisiswatch', '/mali/crisiswatch/2023-02', '/about', '/crisiswatch/verdicts', '/subscribe', '/nothing-here']) {
    test(`${path} puts something in the right 40% of 1280 px`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(path);
      const rightmost = await page.locator('main').evaluate((main) => {
        let right = 0;
        for (const element of main.querySelectorAll('*')) {
          const drawn = ['svg', 'img', 'input', 'select', 'button'].includes(element.localName) || [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim());
          const rect = element.getBoundingClientRect();
          if (drawn && rect.width > 0 && rect.height > 0 && getComputedStyle(element).visibility !== 'hidden') right = Math.max(right, rect.right);
        }
        return right;
      });
      expect(rightmost).toBeGreaterThan(RIGHT_PART);
    });
  }

  for (const path of ['/mali', '/mali/crisiswatch/2023-02', '/about']) {
    test(`${path} keeps reading lines to 60–75 characters`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(path);
      const perLine = await page.locator('main .prose p').first().evaluate((paragraph) => {
        const range = document.createRange();
        range.selectNodeContents(paragraph);
        const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
        return (paragraph.textContent ?? '').length / lines;
      });
      expect(perLine).toBeGreaterThanOrEqual(60);
      expect(perLine).toBeLessThanOrEqual(75);
    });
  }
});
