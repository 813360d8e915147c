import { expect, test, type Page } from './support/test';
import { uniqueAddress, waitForMail } from './mailbox';
import { expectNoAxeViolations, pageFor } from './support/axe';

/** A confirmed subscriber of Mali, through the form and the confirmation page; returns their preferences link. */
async function confirmedSubscriber(page: Page, label: string): Promise<string> {
  const address = uniqueAddress(label);
  await page.goto('/mali');
  await page.getByLabel('Email address').fill(address);
  await page.getByRole('button', { name: 'Subscribe' }).click();
  const { confirmUrl, unsubscribeUrl } = await waitForMail(address);
  await page.goto(confirmUrl);
  await page.getByRole('button', { name: 'Confirm my subscription' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are subscribed');
  // Every message's unsubscribe token also opens the preferences page (update mail links both).
  const url = new URL(unsubscribeUrl);
  url.pathname = '/preferences';
  return url.toString();
}

test('a subscriber changes the countries they follow, leaves everything and comes back, by keyboard', async ({ browser, javaScriptEnabled }) => {
  // A whole subscription (form, confirmation mail, link) and two axe scans before the steps themselves.
  test.setTimeout(60_000);
  const page = await pageFor(browser, javaScriptEnabled);
  const preferences = await confirmedSubscriber(page, 'prefs');
  await page.goto(preferences);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your email updates');
  const mali = page.getByRole('checkbox', { name: 'Mali' });
  await expect(mali).toBeChecked();
  await expectNoAxeViolations(page);

  // Untick Mali and save, with the keyboard only.
  await mali.focus();
  await page.keyboard.press('Space');
  await expect(mali).not.toBeChecked();
  // Then the language of the mail, a radio group (one stop), its English-texts option hidden while English is chosen.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: 'English' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Save my choices' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('You have left every country: we will send you no more email.');
  await expect(page.getByRole('checkbox', { name: 'Mali' })).not.toBeChecked();
  await expect(page.getByText('You receive no email from us.')).toBeVisible();
  await expectNoAxeViolations(page);

  // The same link brings them back.
  await page.getByRole('checkbox', { name: 'Mali' }).check();
  await page.getByRole('button', { name: 'Save my choices' }).click();
  await expect(page.getByRole('status')).toHaveText('Your choices are saved.');
  await expect(page.getByRole('checkbox', { name: 'Mali' })).toBeChecked();

  // French mail, and English texts not yet translated: chosen by keyboard, kept after the save.
  const languages = page.getByRole('group', { name: 'Language of your emails' });
  await expect(languages.getByRole('radio', { name: 'English' })).toBeChecked();
  await languages.getByRole('radio', { name: 'English' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(languages.getByRole('radio', { name: 'Français' })).toBeChecked();
  await page.keyboard.press('Tab');
  const untranslated = languages.getByRole('checkbox', { name: 'Also send English texts not yet translated' });
  await expect(untranslated).toBeFocused();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Save my choices' }).click();
  await expect(page.getByRole('status')).toHaveText('Your choices are saved.');
  await expect(languages.getByRole('radio', { name: 'Français' })).toBeChecked();
  await expect(untranslated).toBeChecked();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Unsubscribe from all email' }).click();
  await expect(page.getByRole('status')).toHaveText('You have left every country: we will send you no more email.');
  await page.context().close();
});

test('a preferences link that is not whole gets a page that says so', async ({ browser, javaScriptEnabled }) => {
  const page = await pageFor(browser, javaScriptEnabled);
  await page.goto('/preferences?token=not-a-token');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link cannot be used');
  await expectNoAxeViolations(page);
  await page.context().close();
});
