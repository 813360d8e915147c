import { expect, test, type Page } from '@playwright/test';

const carousel = (page: Page) => page.getByRole('region', { name: 'In The News' });
const visibleSlide = (page: Page) => carousel(page).getByRole('group').filter({ visible: true });

test.describe('the quotes carousel', () => {
  test('follows the WAI-ARIA carousel pattern', async ({ page }) => {
    await page.goto('/mali');
    const region = carousel(page);
    await expect(region).toHaveAttribute('aria-roledescription', 'carousel');
    const slides = region.getByRole('group', { includeHidden: true });
    await expect(slides).toHaveCount(6);
    for (let index = 0; index < 6; index += 1) {
      await expect(slides.nth(index)).toHaveAttribute('aria-roledescription', 'slide');
      await expect(slides.nth(index)).toHaveAttribute('aria-label', `${index + 1} of 6`);
    }
    await expect(region.locator('[aria-live]')).toHaveAttribute('aria-live', 'polite');
    // Shows one quote at a time once enhanced.
    await expect(visibleSlide(page)).toHaveCount(1);
    await expect(visibleSlide(page)).toHaveAttribute('aria-label', '1 of 6');
  });

  test('moves with the mouse, both ways, wrapping at the ends', async ({ page }) => {
    await page.goto('/mali');
    await carousel(page).getByRole('button', { name: 'Next quote' }).click();
    await expect(visibleSlide(page)).toHaveAttribute('aria-label', '2 of 6');
    await expect(visibleSlide(page)).toContainText('Rinaldo Depagne');
    await expect(visibleSlide(page)).toContainText('5 Oct 2022');
    await carousel(page).getByRole('button', { name: 'Previous quote' }).click();
    await carousel(page).getByRole('button', { name: 'Previous quote' }).click();
    await expect(visibleSlide(page)).toHaveAttribute('aria-label', '6 of 6');
    await expect(visibleSlide(page)).toContainText('France24');
  });

  test('moves with the keyboard, and the button keeps focus', async ({ page }) => {
    await page.goto('/mali');
    const next = carousel(page).getByRole('button', { name: 'Next quote' });
    const previous = carousel(page).getByRole('button', { name: 'Previous quote' });
    await previous.focus();
    await page.keyboard.press('Tab');
    await expect(next).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(visibleSlide(page)).toHaveAttribute('aria-label', '2 of 6');
    await page.keyboard.press('Space');
    await expect(visibleSlide(page)).toHaveAttribute('aria-label', '3 of 6');
    await expect(visibleSlide(page)).toContainText('Ibrahim Yahaya Ibrahim');
    await expect(next).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(previous).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(visibleSlide(page)).toHaveAttribute('aria-label', '2 of 6');
  });

  test('opens on the quote a Latest Updates link points to', async ({ page }) => {
    await page.goto('/mali');
    await page.getByRole('region', { name: 'Latest Updates' }).getByRole('link', { name: 'Ibrahim Maiga in Le Monde' }).click();
    await expect(page).toHaveURL(/#quote-2023-02-08-ibrahim-maiga$/);
    await expect(visibleSlide(page)).toContainText('Ibrahim Maiga');
    await page.goto('/mali#quote-2020-09-25-jean-herve-jezequel');
    await expect(visibleSlide(page)).toHaveAttribute('aria-label', '5 of 6');
    await expect(visibleSlide(page)).toContainText('Al-Jazeera');
  });

  test('never rotates by itself', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.goto('/mali');
    await expect(visibleSlide(page)).toHaveAttribute('aria-label', '1 of 6');
    await page.waitForTimeout(6_000);
    await expect(visibleSlide(page)).toHaveAttribute('aria-label', '1 of 6');
  });
});
