import { expectNoAxeViolations, pageFor } from './support/axe';
import { expect, test, type Page } from './support/test';
import { VERDICT_LABELS } from '../../lib/content/verdicts';
import { FICTIONAL_SITE_URL } from './sites';

/**
 * Search on the fictional site: Ruritania's 240 generated months (each verdict in turn, so 60
 * improved ones, every one of them with the same invented words: Zenda, Tarlenheim, ...) and the
 * Freedonia fixture (three months, the only text with "adjourned"). Counts are asserted within
 * Ruritania, so more generated countries change nothing here. Each test runs with JavaScript on
 * and off: the page is a plain GET form and server-rendered results.
 */
const site = (path: string) => `${FICTIONAL_SITE_URL}${path}`;
const RURITANIA_IMPROVED = 60;

const searchForm = (page: Page) => page.getByRole('search', { name: 'Search the briefings' });
const results = (page: Page) => page.getByRole('main').getByRole('list').filter({ has: page.getByRole('heading', { level: 3 }) }).getByRole('listitem');

for (const javaScriptEnabled of [true, false]) {
  test.describe(`search, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('from the header form with the keyboard: Tab to the field, type, Enter', async ({ page }) => {
      await page.goto(site('/ruritania'));
      for (let tab = 0; tab < 20; tab += 1) {
        await page.keyboard.press('Tab');
        if (await page.getByRole('searchbox', { name: 'Search briefings' }).evaluate((field) => field === document.activeElement)) break;
      }
      await expect(page.getByRole('searchbox', { name: 'Search briefings' })).toBeFocused();
      await page.keyboard.type('adjourned');
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(site('/search?q=adjourned'));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search the briefings');
      await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' })).toHaveAttribute('aria-current', 'page');
      await expect(searchForm(page).getByLabel('Search for')).toHaveValue('adjourned');
      await expect(page.getByRole('status')).toContainText('results for “adjourned”');
      for (const month of ['April', 'May', 'June']) {
        const result = results(page).filter({ has: page.getByRole('link', { name: `Freedonia, ${month} 2024`, exact: true }) });
        await expect(result).toContainText('CrisisWatch month');
        await expect(result.locator('mark')).toHaveText(['adjourned']);
      }
    });

    test('a word from a generated entry finds that entry, and its link opens it', async ({ page }) => {
      await page.goto(site('/search?q=Ruritania+April+2005'));
      const first = results(page).first();
      await expect(first.getByRole('link')).toHaveText('Ruritania, April 2005');
      await expect(first).toContainText('CrisisWatch month');
      await expect(first.locator('time')).toHaveAttribute('datetime', '2005-04');
      // The generated lead: "Fictional talks in Strelsau stalled in 2005-04 while …"
      await expect(first.locator('p').last()).toContainText('stalled in 2005-04');
      await first.getByRole('link').click();
      await expect(page).toHaveURL(site('/ruritania/crisiswatch/2005-04'));

      await page.goto(site('/search?q=Tarlenheim&country=ruritania&verdict=improved'));
      const hit = results(page).first();
      await expect(hit.locator('p mark').first()).toHaveText('Tarlenheim');
      const href = await hit.getByRole('link').getAttribute('href');
      expect(href).toMatch(/^\/ruritania\/crisiswatch\/\d{4}-\d{2}$/);
      await hit.getByRole('link').click();
      await expect(page).toHaveURL(site(href!));
      await expect(page.getByRole('main')).toContainText('Tarlenheim');
    });

    test('a typo still finds the word, and the snippet marks the word as written', async ({ page }) => {
      await page.goto(site('/search?q=Tarlenhiem&country=ruritania&verdict=improved'));
      await expect(page.getByRole('status')).toHaveText(`${RURITANIA_IMPROVED} results for “Tarlenhiem” in Ruritania, among months of improved situation; page 1 of 6.`);
      await expect(results(page).first().locator('p mark').first()).toHaveText('Tarlenheim');
      await page.goto(site('/search?q=adjuorned'));
      await expect(results(page).filter({ hasText: 'Freedonia, May 2024' }).locator('mark')).toHaveText(['adjourned']);
    });

    test('filters by country and verdict with the form, and pages with the filters kept', async ({ page }) => {
      await page.goto(site('/search?q=Zenda'));
      const form = searchForm(page);
      await form.getByLabel('Country').selectOption('ruritania');
      await form.getByLabel('Verdict').selectOption('improved');
      await form.getByRole('button', { name: 'Search' }).click();
      await expect(page).toHaveURL(site('/search?q=Zenda&country=ruritania&verdict=improved'));
      await expect(page.getByRole('status')).toHaveText(`${RURITANIA_IMPROVED} results for “Zenda” in Ruritania, among months of improved situation; page 1 of 6.`);
      await expect(results(page)).toHaveCount(10);
      for (const item of await results(page).all()) {
        await expect(item).toContainText(VERDICT_LABELS.improved);
        await expect(item.getByRole('link')).toHaveAttribute('href', /^\/ruritania\/crisiswatch\//);
      }
      // The form shows the filters it applied.
      await expect(form.getByLabel('Country')).toHaveValue('ruritania');
      await expect(form.getByLabel('Verdict')).toHaveValue('improved');

      const pages = page.getByRole('navigation', { name: 'Search result pages' });
      const firstPage = await results(page).getByRole('link').allTextContents();
      await pages.getByRole('link', { name: 'Next page' }).click();
      await expect(page).toHaveURL(site('/search?q=Zenda&country=ruritania&verdict=improved&page=2'));
      await expect(page.getByRole('status')).toContainText('page 2 of 6.');
      const secondPage = await results(page).getByRole('link').allTextContents();
      expect(secondPage).toHaveLength(10);
      expect(secondPage.filter((title) => firstPage.includes(title))).toEqual([]);
      await pages.getByRole('link', { name: 'Page 6' }).click();
      await expect(page).toHaveURL(site('/search?q=Zenda&country=ruritania&verdict=improved&page=6'));
      await expect(results(page)).toHaveCount(10);
      await expect(pages.getByRole('link', { name: 'Next page' })).toHaveCount(0);
      await pages.getByRole('link', { name: 'Previous page' }).click();
      await expect(page).toHaveURL(site('/search?q=Zenda&country=ruritania&verdict=improved&page=5'));
    });

    test('explains bad input and an empty result, and names the one search page as the canonical URL of every result page', async ({ page }) => {
      // The same page, answered 400: the URL is wrong, as crawlers and monitors are told.
      expect((await page.goto(site('/search?q=Zenda&country=atlantis&verdict=worse&page=0')))?.status()).toBe(400);
      // Each problem once, next to its field.
      await expect(searchForm(page).getByLabel('Country')).toHaveAccessibleDescription('Choose a country from the list: "atlantis" is not one we follow');
      await expect(searchForm(page).getByLabel('Verdict')).toHaveAccessibleDescription(/^Choose a verdict from the list/);
      await expect(page.getByText('Pages start at 1')).toHaveCount(1);
      for (const message of ['not one we follow', 'Choose a verdict from the list']) await expect(page.getByText(message)).toHaveCount(1);
      await expect(searchForm(page).getByLabel('Country')).toHaveAttribute('aria-invalid', 'true');
      await expect(searchForm(page).getByLabel('Search for')).toHaveValue('Zenda');

      const noResults = await page.goto(site('/search?q=qwxzvb'));
      expect(noResults?.status()).toBe(200);
      await expect(page.getByRole('status')).toHaveText('No results for “qwxzvb”.');
      await expect(page.getByRole('main')).toContainText('Check the spelling');
      // One canonical search page for every query, rather than an index entry per query.
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', site('/search'));
    });

    test('a control character in the query is neither searched nor echoed (issue 17)', async ({ page }) => {
      const answer = await page.goto(site('/search?q=%00Zenda'));
      expect(answer?.status()).toBe(200);
      expect(await answer?.text()).not.toContain('\u0000');
      await expect(searchForm(page).getByLabel('Search for')).toHaveValue('Zenda');
      await expect(page.getByRole('status')).toContainText('results for “Zenda”');
    });
  });
}

for (const path of ['/search', '/search?q=Zenda&country=ruritania&verdict=improved&page=2', '/search?q=qwxzvb&country=freedonia', '/search?q=Zenda&country=atlantis']) {
  for (const scripts of ['on', 'off'] as const) {
    test(`axe finds no WCAG 2.2 A/AA violation on ${path}, JavaScript ${scripts}`, async ({ browser }) => {
      const page = await pageFor(browser, scripts === 'on');
      await page.goto(site(path));
      await expectNoAxeViolations(page);
      await page.context().close();
    });
  }
}
