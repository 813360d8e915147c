import { expect, test } from '@playwright/test';
import { ALERT_LABELS, VERDICT_LABELS } from '../../lib/content/verdicts';
import { formatMonth } from '../../lib/format';
import { FICTIONAL_SITE_URL } from './sites';
import { liveCountry, newestEntry } from './support/live-content';

/**
 * The maps are SVG drawn on the server: the real site's countries have map codes, every fictional
 * country has none. What is asserted is what a reader gets: a named link per country that
 * agrees with the table, and no map (and nothing broken) where there is no geometry.
 */
test.describe('the month map', () => {
  test('names each country with its verdict and alerts, links it to its entry, and agrees with the table', async ({ page }) => {
    const { entry } = await newestEntry('mali');
    await page.goto(`/crisiswatch/${entry.month}`);
    const map = page.getByRole('group', { name: `CrisisWatch, ${formatMonth(entry.month)}` });
    await expect(map).toBeVisible();
    const table = page.getByRole('table', { name: new RegExp(`^CrisisWatch ${formatMonth(entry.month)}`) });
    const rows = await table.locator('tbody tr').all();
    const fromTable = await Promise.all(
      rows.map(async (row) => {
        const [name, verdict, alerts] = await Promise.all([row.locator('th').innerText(), row.locator('td').nth(0).innerText(), row.locator('td').nth(1).innerText()]);
        const href = await row.getByRole('link').getAttribute('href');
        const alertWords = alerts.trim() === 'None' ? '' : `, ${alerts.trim().split(/\s*[\n,]\s*/).join(', ').toLowerCase()}`;
        return { name: `${name}: ${verdict.toLowerCase()}${alertWords}`, href };
      }),
    );
    const links = await map.getByRole('link').all();
    const fromMap = await Promise.all(links.map(async (link) => ({ name: await link.getAttribute('aria-label'), href: await link.getAttribute('href') })));
    // Every real country has a shape, so the map holds exactly the table's rows.
    expect(fromMap.sort((a, b) => String(a.name).localeCompare(String(b.name)))).toEqual(fromTable.sort((a, b) => a.name.localeCompare(b.name)));
    expect(fromTable.length).toBeGreaterThan(0);
    // The key explains every verdict and alert in words, not by colour alone.
    const key = page.locator('figure', { has: map });
    for (const label of [...Object.values(VERDICT_LABELS), ...Object.values(ALERT_LABELS)]) await expect(key).toContainText(label);
  });

  test('a country on the map is reached with the keyboard and followed with Enter', async ({ page }) => {
    const { country, entry } = await newestEntry('mali');
    await page.goto(`/crisiswatch/${entry.month}`);
    const link = page.getByRole('group', { name: `CrisisWatch, ${formatMonth(entry.month)}` }).getByRole('link', { name: new RegExp(`^${country.name}: `) });
    await link.focus();
    await expect(link).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/${country.slug}/crisiswatch/${entry.month}$`));
  });

  test('the home page leads with the latest month’s map', async ({ page }) => {
    const { entry } = await newestEntry('mali');
    await page.goto('/');
    await expect(page.getByRole('group', { name: `CrisisWatch, ${formatMonth(entry.month)}` })).toBeVisible();
  });

  test('is left out where no country has a shape, and the month still reads whole', async ({ page }) => {
    await page.goto(`${FICTIONAL_SITE_URL}/crisiswatch/2024-04`);
    await expect(page.locator('figure[data-map-scope]')).toHaveCount(0);
    await expect(page.getByRole('group', { name: /^CrisisWatch, / })).toHaveCount(0);
    await expect(page.getByRole('table', { name: /^CrisisWatch April 2024/ })).toBeVisible();
  });
});

test.describe('the locator map', () => {
  test('shows the country among its neighbours, named on the map and in words', async ({ page }) => {
    const country = await liveCountry('mali');
    await page.goto(`/${country.slug}`);
    const map = page.getByRole('img', { name: `Map of ${country.name} and its neighbours` });
    await expect(map).toBeVisible();
    // The neighbours come from the map data; the sentence under the map names each, and so do the labels on it.
    const sentence = await page.locator('figure', { has: map }).locator('figcaption').innerText();
    expect(sentence).toMatch(new RegExp(`^${country.name} borders .+\\.$`));
    const neighbours = sentence.replace(`${country.name} borders `, '').replace(/\.$/, '').split(/, (?:and )?| and /);
    expect(neighbours.length).toBeGreaterThan(0);
    for (const neighbour of neighbours) await expect(map.locator('text', { hasText: neighbour })).toHaveCount(1);
  });

  test('is not drawn for a country without a map code, and the page is whole', async ({ page }) => {
    await page.goto(`${FICTIONAL_SITE_URL}/ruritania`);
    await expect(page.getByRole('img', { name: /^Map of / })).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ruritania');
    await expect(page.getByRole('heading', { name: 'Verdict history' })).toBeVisible();
  });
});
