import { expect, test, type Page } from './support/test';
import { uniqueAddress, waitForMail } from './mailbox';
import { expectNoAxeViolations, pageFor } from './support/axe';
import { storedSubscriber } from './support/stored-subscriber';

/**
 * The Subscribe page of the main navigation: the reader chooses the countries to follow, by
 * keyboard, with JavaScript on or off; a post without any country is refused next to the
 * countries and stores nothing; the confirmation names what the address will receive. Each test
 * runs twice, with the site's scripts and without them (blocked, so axe can still run).
 */
const NO_COUNTRY = 'Choose at least one country to follow';

const countryChoices = (page: Page) => page.getByRole('group', { name: 'Countries to follow' });

/** Tab (forwards) until `name` has the focus, as a keyboard user reaches it. */
async function tabTo(page: Page, name: string | RegExp, limit = 40) {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      if (!(element instanceof HTMLElement)) return '';
      const label = element.id ? document.querySelector(`label[for="${element.id}"]`) : element.closest('label');
      return (label?.textContent ?? element.textContent ?? '').trim();
    });
    if (typeof name === 'string' ? focused === name : name.test(focused)) return;
  }
  throw new Error(`${String(name)} not reached within ${limit} Tab presses`);
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test('subscribing and confirming on /subscribe follows the countries ticked, and the confirmed page names them', async ({ browser }) => {
      // A whole subscription: form, confirmation mail, confirmation page.
      test.setTimeout(60_000);
      const page = await pageFor(browser, javaScriptEnabled);
      const address = uniqueAddress('subscribe-page');
      await page.goto('/subscribe');
      // The reader ticks every country the page offers (the real content has one).
      for (const box of await page.getByRole('checkbox').all()) await box.check();
      await page.getByLabel('Email address').fill(address);
      await page.getByRole('button', { name: 'Subscribe' }).click();
      await expect(page.getByText('a message with a link to confirm your subscription is on its way')).toBeVisible();

      const { mail, confirmUrl } = await waitForMail(address);
      await page.goto(confirmUrl);
      await page.getByRole('button', { name: 'Confirm my subscription' }).click();
      await expect(page.getByRole('main')).toContainText('You now receive CrisisWatch updates for Mali.');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are subscribed');
      expect(storedSubscriber(address)).toEqual({ status: 'confirmed', countries: ['mali'] });
      expect(mail.text).toContain('the CrisisWatch entry for Mali');
      await expectNoAxeViolations(page);
      await page.context().close();
    });

    test('a post from /subscribe without any country is refused next to the countries, keeps the address, and stores nothing', async ({ browser }) => {
      const page = await pageFor(browser, javaScriptEnabled);
      const address = uniqueAddress('no-country');
      await page.goto('/subscribe');
      await expectNoAxeViolations(page);
      await page.getByLabel('Email address').fill(address);
      await page.getByRole('button', { name: 'Subscribe' }).click();

      // Said as the site's other form errors are: "Error: …".
      await expect(countryChoices(page)).toHaveAccessibleDescription(new RegExp(`^(Error: )?${NO_COUNTRY}$`));
      await expect(page.getByText(NO_COUNTRY)).toHaveCount(1);
      await expect(page.getByText('on its way')).toHaveCount(0);
      // Nothing the reader typed is lost: the address is still in its field.
      await expect(page.getByLabel('Email address')).toHaveValue(address);
      await expectNoAxeViolations(page);
      expect(storedSubscriber(address)).toBeUndefined();
      await page.context().close();
    });

    test('a reader reaches and ticks a country by keyboard, and submits from the address field', async ({ browser }) => {
      const page = await pageFor(browser, javaScriptEnabled);
      const address = uniqueAddress('keyboard');
      await page.goto('/subscribe');
      const mali = countryChoices(page).getByRole('group', { name: 'Africa' }).getByRole('checkbox', { name: 'Mali' });
      await expect(mali).not.toBeChecked();
      await page.getByRole('heading', { level: 1 }).click();
      await tabTo(page, 'Mali');
      await page.keyboard.press('Space');
      await expect(mali).toBeChecked();
      await tabTo(page, /^Email address/);
      await page.keyboard.type(address);
      await page.keyboard.press('Enter');
      await expect(page.getByText('a message with a link to confirm your subscription is on its way')).toBeVisible();
      expect(storedSubscriber(address)).toEqual({ status: 'pending', countries: ['mali'] });
      await page.context().close();
    });

    test('a confirmed address that follows no country is not told it is subscribed, and is offered the countries', async ({ browser }) => {
      const page = await pageFor(browser, javaScriptEnabled);
      // Where confirming lands for an address signed up on the old Subscribe page, which offered no country.
      await page.goto('/subscribe?result=confirmed');
      await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('You are subscribed');
      await expect(page.getByRole('main')).toContainText('You do not follow any country yet');
      await expect(countryChoices(page).getByRole('checkbox', { name: 'Mali' })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.context().close();
    });
  });
}
