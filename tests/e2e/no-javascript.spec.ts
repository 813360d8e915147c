import { expect, test } from './support/test';
import { uniqueAddress, waitForMail } from './mailbox';
import { liveCountry } from './support/live-content';

// Runs only in the project with JavaScript turned off.
test.describe('without JavaScript', () => {
  test('every quote is readable at once and there are no dead buttons', async ({ page }) => {
    const { quotes } = await liveCountry('mali');
    await page.goto('/mali');
    const slides = page.getByRole('region', { name: 'In The News' }).getByRole('group');
    await expect(slides).toHaveCount(quotes.length);
    for (let index = 0; index < quotes.length; index += 1) await expect(slides.nth(index)).toBeVisible();
    await expect(page.getByRole('button', { name: /quote/ })).toHaveCount(0);
  });

  test('the subscribe form posts, says what happens next, and the email confirms and unsubscribes', async ({ page }) => {
    const address = uniqueAddress('no-js');
    await page.goto('/mali');
    await page.getByLabel('Email address').fill(address);
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await expect(page).toHaveURL(/\/subscribe\?result=pending&country=mali$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your inbox');
    await page.getByRole('link', { name: 'Back to Mali' }).click();
    await expect(page).toHaveURL(/\/mali$/);

    const { confirmUrl, unsubscribeUrl } = await waitForMail(address);
    await page.goto(confirmUrl);
    await page.getByRole('button', { name: 'Confirm my subscription' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are subscribed');
    await page.goto(unsubscribeUrl);
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are unsubscribed');
  });

  test('an address the server rejects is explained next to it, with the form offered again as it was filled in', async ({ page }) => {
    await page.goto('/mali');
    // Passes the browser's own check (it has an @) but not the server's schema.
    await page.getByLabel('Email address').fill('reader@example');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await expect(page).toHaveURL(/\/subscribe\?result=invalid-email&country=mali&email=reader%40example$/);
    const email = page.getByLabel('Email address');
    await expect(email).toHaveValue('reader@example');
    await expect(email).toHaveAccessibleDescription(/Enter an email address in the form name@example.org/);
    await expect(page.getByRole('checkbox', { name: 'Mali' })).toBeChecked();
  });
});
