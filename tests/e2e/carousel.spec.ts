import { expect, test, type Page } from './support/test';
import { formatShortDate } from '../../lib/format';
import { quoteAnchor } from '../../lib/paths';
import { escapeRegExp, liveCountry } from './support/live-content';

const carousel = (page: Page) => page.getByRole('region', { name: 'In The News' });
const visibleSlide = (page: Page) => carousel(page).getByRole('group').filter({ visible: true });

/** Mali's quotes, newest first, as the content holds them: the carousel shows one slide per quote. */
async function maliQuotes() {
  const { quotes } = await liveCountry('mali');
  expect(quotes.length, 'the carousel tests need Mali to have at least two quotes').toBeGreaterThan(1);
  return quotes;
}

test.describe('the quotes carousel', () => {
  test('follows the WAI-ARIA carousel pattern', async ({ page }) => {
    const quotes = await maliQuotes();
    await page.goto('/mali');
    const region = carousel(page);
    await expect(region).toHaveAttribute('aria-roledescription', 'carousel');
    const slides = region.getByRole('group', { includeHidden: true });
    await expect(slides).toHaveCount(quotes.length);
    for (let index = 0; index < quotes.length; index += 1) {
      await expect(slides.nth(index)).toHaveAttribute('aria-roledescription', 'slide');
      await expect(slides.nth(index)).toHaveAttribute('aria-label', `${index + 1} of ${quotes.length}`);
    }
    await expect(region.locator('[aria-live]')).toHaveAttribute('aria-live', 'polite');
    // Shows one quote at a time once enhanced, and counts what the content holds.
    await expect(visibleSlide(page)).toHaveCount(1);
    await expect(visibleSlide(page)).toHaveAttribute('aria-label', `1 of ${quotes.length}`);
    await expect(region.getByText(`1 / ${quotes.length}`)).toBeVisible();
  });

  test('moves with the mouse through every quote, both ways, wrapping at the ends', async ({ page }) => {
    const quotes = await maliQuotes();
    await page.goto('/mali');
    const next = carousel(page).getByRole('button', { name: 'Next quote' });
    for (const [index, quote] of [...quotes.entries()].slice(1)) {
      await next.click();
      await expect(visibleSlide(page)).toHaveAttribute('aria-label', `${index + 1} of ${quotes.length}`);
      await expect(visibleSlide(page)).toContainText(quote.name);
      await expect(visibleSlide(page)).toContainText(formatShortDate(quote.date));
    }
    await next.click();
    await expect(visibleSlide(page)).toHaveAttribute('aria-label', `1 of ${quotes.length}`);
    await carousel(page).getByRole('button', { name: 'Previous quote' }).click();
    await expect(visibleSlide(page)).toHaveAttribute('aria-label', `${quotes.length} of ${quotes.length}`);
    await expect(visibleSlide(page)).toContainText(quotes.at(-1)!.outlet);
  });

  test('moves with the keyboard, and the button keeps focus', async ({ page }) => {
    const quotes = await maliQuotes();
    const label = (index: number) => `${(index % quotes.length) + 1} of ${quotes.length}`;
    await page.goto('/mali');
    const next = carousel(page).getByRole('button', { name: 'Next quote' });
    const previous = carousel(page).getByRole('button', { name: 'Previous quote' });
    await previous.focus();
    await page.keyboard.press('Tab');
    await expect(next).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(visibleSlide(page)).toHaveAttribute('aria-label', label(1));
    await page.keyboard.press('Space');
    await expect(visibleSlide(page)).toHaveAttribute('aria-label', label(2));
    await expect(visibleSlide(page)).toContainText(quotes[2 % quotes.length]!.name);
    await expect(next).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(previous).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(visibleSlide(page)).toHaveAttribute('aria-label', label(1));
  });

  test('opens on the quote a link points to', async ({ page }) => {
    const quotes = await maliQuotes();
    await page.goto('/mali');
    // Latest Updates lists a quote when one is among the five newest items; following it shows that quote.
    const listed = page.getByRole('region', { name: 'Latest Updates' }).locator(`a[href*="#${quoteAnchor('')}"]`).first();
    if ((await listed.count()) > 0) {
      const anchor = new URL((await listed.getAttribute('href')) ?? '', 'http://x').hash;
      const quote = quotes.find((candidate) => anchor === `#${quoteAnchor(candidate.id)}`);
      expect(quote, `${anchor} is one of Mali's quotes`).toBeDefined();
      await expect(listed).toHaveText(`${quote!.name} in ${quote!.outlet}`);
      await listed.click();
      await expect(page).toHaveURL(new RegExp(`${escapeRegExp(anchor)}$`));
      await expect(visibleSlide(page)).toContainText(quote!.name);
    }
    // An address with a quote's anchor opens on it, wherever it sits in the carousel.
    const index = quotes.length - 2;
    const quote = quotes[index]!;
    await page.goto(`/mali#${quoteAnchor(quote.id)}`);
    await expect(visibleSlide(page)).toHaveAttribute('aria-label', `${index + 1} of ${quotes.length}`);
    await expect(visibleSlide(page)).toContainText(quote.outlet);
  });

  test('never rotates by itself', async ({ page }) => {
    const quotes = await maliQuotes();
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.goto('/mali');
    await expect(visibleSlide(page)).toHaveAttribute('aria-label', `1 of ${quotes.length}`);
    await page.waitForTimeout(6_000);
    await expect(visibleSlide(page)).toHaveAttribute('aria-label', `1 of ${quotes.length}`);
  });
});
