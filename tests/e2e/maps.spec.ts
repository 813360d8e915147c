import { expect, test } from './support/test';
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
    // Reached by Tab from the key's link before it would take the page's whole order; focus it, then
    // move away and back with the keyboard, so the ring is the keyboard's.
    await link.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(link).toBeFocused();
    // The focused country is outlined thick, in the focus colour, at any size the map is drawn.
    const ring = await link.locator('path').first().evaluate((shape) => ({ width: getComputedStyle(shape).strokeWidth, colour: getComputedStyle(shape).stroke }));
    expect(ring).toEqual({ width: '4px', colour: 'rgb(184, 89, 11)' });
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/${country.slug}/crisiswatch/${entry.month}$`));
  });

  test('frames its part of the world, not a close-up of one country', async ({ page }) => {
    const { country, entry } = await newestEntry('mali');
    await page.goto(`/crisiswatch/${entry.month}`);
    const map = page.getByRole('group', { name: `CrisisWatch, ${formatMonth(entry.month)}` });
    const whole = await map.boundingBox();
    const shape = await map.getByRole('link', { name: new RegExp(`^${country.name}: `) }).locator('path').first().boundingBox();
    // The locator map on the country page is the close-up; here the country sits among its region.
    expect(shape!.width / whole!.width).toBeLessThan(0.35);
    expect(shape!.height / whole!.height).toBeLessThan(0.45);
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
    const figure = page.locator('figure', { has: map });
    for (const neighbour of neighbours) await expect(figure.locator('[aria-hidden="true"] span', { hasText: neighbour })).toHaveCount(1);
  });

  test('names on a phone are 12 px or more, on the locator and the month map', async ({ page }) => {
    const { country, entry } = await newestEntry('mali');
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of [`/${country.slug}`, `/crisiswatch/${entry.month}`]) {
      await page.goto(path);
      const sizes = await page.locator('figure [aria-hidden="true"] span').evaluateAll((labels) =>
        labels.map((label) => ({ text: label.textContent, size: label.getBoundingClientRect().height, font: parseFloat(getComputedStyle(label).fontSize) })),
      );
      expect(sizes.length, path).toBeGreaterThan(0);
      for (const label of sizes) expect(label.font, `${path}: ${label.text}`).toBeGreaterThanOrEqual(12);
    }
  });

  test('a neighbour’s name never sits on the country', async ({ page }) => {
    const country = await liveCountry('mali');
    await page.goto(`/${country.slug}`);
    const map = page.getByRole('img', { name: `Map of ${country.name} and its neighbours` });
    const names = page.locator('figure', { has: map }).locator('[aria-hidden="true"] span');
    // Points are found on screen only: bring the map into view first.
    await map.scrollIntoViewIfNeeded();
    const onCountry = await names.evaluateAll((labels) =>
      labels.slice(1).flatMap((label) => {
        const { left, right, top, bottom } = label.getBoundingClientRect();
        const hits = [[left + 2, top + 2], [right - 2, top + 2], [left + 2, bottom - 2], [right - 2, bottom - 2]].filter(([x, y]) =>
          document.elementsFromPoint(x!, y!).some((element) => element.matches('svg path:last-of-type')),
        );
        return hits.length > 0 ? [label.textContent] : [];
      }),
    );
    expect(onCountry).toEqual([]);
  });

  test('is not drawn for a country without a map code, and the page is whole', async ({ page }) => {
    await page.goto(`${FICTIONAL_SITE_URL}/ruritania`);
    await expect(page.getByRole('img', { name: /^Map of / })).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ruritania');
    await expect(page.getByRole('heading', { name: 'Verdict history' })).toBeVisible();
  });
});
