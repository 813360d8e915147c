import { expectNoAxeViolations, pageFor } from './support/axe';
import { expect, test } from './support/test';
import { ALERT_LABELS, VERDICT_LABELS } from '../../lib/content/verdicts';
import { formatMonth } from '../../lib/format';
import { FICTIONAL_SITE_URL } from './sites';
import { liveCountry } from './support/live-content';

const PAGES = [
  '/',
  '/mali',
  '/mali/crisiswatch',
  '/mali/crisiswatch/2023-02',
  '/no-such-page',
  '/countries',
  '/about',
  '/crisiswatch/verdicts',
  `${FICTIONAL_SITE_URL}/countries`,
  '/subscribe?result=invalid-email&country=mali',
  '/subscribe?result=pending&country=mali',
  '/subscribe?result=confirmed',
  '/subscribe/confirm?token=not-a-real-token',
  '/unsubscribe?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  `${FICTIONAL_SITE_URL}/ruritania`,
  `${FICTIONAL_SITE_URL}/ruritania/crisiswatch/page/10`,
  `${FICTIONAL_SITE_URL}/ruritania/crisiswatch/filter?verdict=improved&from=2010`,
  `${FICTIONAL_SITE_URL}/ruritania/crisiswatch/filter?from=2015&to=2010`,
  // The French edition, and a French page holding English text (a month not translated yet).
  '/fr',
  '/fr/mali',
  '/fr/mali/crisiswatch/2023-02',
  '/fr/search?q=armee',
  '/fr/subscribe',
  `${FICTIONAL_SITE_URL}/fr/freedonia/crisiswatch`,
];

for (const path of PAGES) {
  test(`axe finds no WCAG 2.2 A/AA violation on ${path}`, async ({ browser, javaScriptEnabled }) => {
    const page = await pageFor(browser, javaScriptEnabled);
    await page.goto(path);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
}

test('the first Tab reaches a skip link that moves focus to the main content', async ({ page }) => {
  await page.goto('/mali');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('focused links show a visible focus indicator', async ({ page }) => {
  await page.goto('/mali');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => {
    const focused = document.activeElement;
    if (!focused) return 'none';
    const style = getComputedStyle(focused);
    return `${style.outlineStyle} ${style.outlineWidth}`;
  });
  expect(outline).toMatch(/^solid [2-9]/);
});

test('the page fits a phone screen without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ['/', '/mali', '/mali/crisiswatch', '/mali/crisiswatch/2023-02', `${FICTIONAL_SITE_URL}/ruritania/crisiswatch`]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test('prints the content without the form and with every quote', async ({ page }) => {
  const mali = await liveCountry('mali');
  await page.goto('/mali');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Subscribe' })).toBeHidden();
  await expect(page.locator('.site-header')).toBeHidden();
  const slides = page.getByRole('region', { name: 'In The News' }).locator('.carousel-slide');
  await expect(slides).toHaveCount(mali.quotes.length);
  for (let index = 0; index < mali.quotes.length; index += 1) await expect(slides.nth(index)).toBeVisible();
  // The verdict history prints as a table (on screen it is there for screen readers only): a row a month, newest first.
  const table = page.getByRole('table', { name: /Verdict history/ });
  await expect(table).toBeVisible();
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(1 + mali.entries.length);
  for (const [index, entry] of mali.entries.entries()) {
    const alerts = entry.alerts.length > 0 ? entry.alerts.map((alert) => ALERT_LABELS[alert]).join(', ') : 'None';
    await expect(rows.nth(index + 1)).toHaveAccessibleName(`${formatMonth(entry.month)} ${VERDICT_LABELS[entry.verdict]} ${alerts}`);
  }
});

test('the verdict history table is in the accessibility tree but not drawn on screen', async ({ page }) => {
  const { entries } = await liveCountry('mali');
  const span = entries.length === 1 ? `1 month: ${formatMonth(entries[0]!.month)}` : `${entries.length} months, ${formatMonth(entries.at(-1)!.month)} to ${formatMonth(entries[0]!.month)}`;
  await page.goto('/mali');
  const table = page.getByRole('table', { name: `Verdict history, ${span}` });
  await expect(table).toHaveCount(1);
  // Drawn through a 1px clipping box, the screen-reader-only pattern.
  const clip = await page.locator('.timeline-table').boundingBox();
  expect(clip?.width).toBeLessThanOrEqual(1);
  expect(clip?.height).toBeLessThanOrEqual(1);
});
