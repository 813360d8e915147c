import { expect, test } from '@playwright/test';

test.describe('the subscribe form with JavaScript', () => {
  test('explains an invalid address in place, without leaving the page', async ({ page }) => {
    await page.goto('/mali');
    const email = page.getByLabel('Email address');
    await email.fill('reader@example');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    const status = page.getByRole('region', { name: /Email Updates/ }).getByRole('status');
    await expect(status).toHaveText('Enter an email address in the form name@example.org');
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toBeFocused();
    await expect(page).toHaveURL(/\/mali$/);
  });

  test('shows the server’s answer in place for a valid address', async ({ page }) => {
    await page.goto('/mali');
    await page.getByLabel('Email address').fill('reader@example.org');
    const posted = page.waitForResponse((response) => response.url().endsWith('/api/subscribe'));
    await page.getByRole('button', { name: 'Subscribe' }).click();
    expect((await posted).request().headers()['content-type']).toBe('application/json');
    await expect(page.getByRole('region', { name: /Email Updates/ }).getByRole('status')).toContainText('Email updates are not open yet');
    await expect(page).toHaveURL(/\/mali$/);
  });
});
