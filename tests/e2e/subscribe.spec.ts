import { chromium, expect, test, type Page, untilInteractive } from './support/test';
import { rawHeader } from '../mail-headers';
import { uniqueAddress, waitForMail } from './mailbox';
import { CHROMIUM_ARGS, SITE_URL } from './sites';
import { expectNoAxeViolations } from './support/axe';

/** The subscribe box of Mali's page, which says what it follows. */
const subscribeBox = (page: Page) => page.getByRole('region', { name: 'Follow Mali by email' });

test.describe('the subscribe form with JavaScript', () => {
  test('explains an invalid address in place, without leaving the page', async ({ page }) => {
    await page.goto('/mali');
    const email = page.getByLabel('Email address');
    await email.fill('reader@example');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    const status = subscribeBox(page).getByRole('status');
    await expect(status).toHaveText('Enter an email address in the form name@example.org');
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toBeFocused();
    await expect(page).toHaveURL(/\/mali$/);
  });

  test('explains an empty field in place, in the same words as the server', async ({ page }) => {
    await page.goto('/mali');
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url());
    });
    await page.getByRole('button', { name: 'Subscribe' }).click();
    const email = page.getByLabel('Email address');
    await expect(subscribeBox(page).getByRole('status')).toHaveText('Enter your email address');
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toBeFocused();
    expect(posts).toEqual([]);
  });

  test('subscribes in place, then the reader confirms from the email and leaves in one click', async ({ page }) => {
    const address = uniqueAddress('js');
    await page.goto('/mali');
    await page.getByLabel('Email address').fill(address);
    const posted = page.waitForResponse((response) => response.url().endsWith('/api/subscribe'));
    await page.getByRole('button', { name: 'Subscribe' }).click();
    expect((await posted).request().headers()['content-type']).toBe('application/json');
    await expect(subscribeBox(page).getByRole('status')).toContainText('a message with a link to confirm your subscription is on its way');
    await expect(page).toHaveURL(/\/mali$/);

    const { mail, confirmUrl, unsubscribeUrl } = await waitForMail(address);
    expect(mail.subject).toBe('Confirm your subscription to Crisis Briefings');
    expect(rawHeader(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');

    // Opening the link confirms nothing; the button does.
    await page.goto(confirmUrl);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm your subscription');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Confirm my subscription' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are subscribed');

    await page.goto(confirmUrl);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link cannot be used');
    await expect(page.getByLabel('Email address')).toBeVisible();

    await page.goto(unsubscribeUrl);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are unsubscribed');
  });

  test('a mail client unsubscribes with one POST: 200, no redirect, no cookie', async ({ page, request }) => {
    const address = uniqueAddress('one-click');
    await page.goto('/mali');
    await page.getByLabel('Email address').fill(address);
    await page.getByRole('button', { name: 'Subscribe' }).click();
    const { mail, unsubscribeUrl } = await waitForMail(address);
    expect(rawHeader(mail, 'List-Unsubscribe')).toBe(`<${unsubscribeUrl}>`);
    const response = await request.post(unsubscribeUrl, { form: { 'List-Unsubscribe': 'One-Click' }, maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expect(response.headers()['set-cookie']).toBeUndefined();
    expect(await response.text()).toContain('You are unsubscribed');
  });

  test('a mail client’s one-click POST as multipart/form-data (RFC 8058 allows it) unsubscribes too', async ({ page, request }) => {
    const address = uniqueAddress('multipart');
    await page.goto('/mali');
    await page.getByLabel('Email address').fill(address);
    await page.getByRole('button', { name: 'Subscribe' }).click();
    const { unsubscribeUrl } = await waitForMail(address);
    const response = await request.post(unsubscribeUrl, { multipart: { 'List-Unsubscribe': 'One-Click' }, maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('You are unsubscribed');
    // The page behind the same link now says the address is already out.
    await page.goto(unsubscribeUrl);
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are unsubscribed');
  });

  test('works when the site is reached at another host name than SITE_URL (a staging name)', async ({ browserName }) => {
    test.skip(browserName !== 'chromium', 'maps a host name with a Chromium flag');
    // A browser of its own that resolves a staging name to this machine, as DNS would.
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP staging.briefings.test 127.0.0.1'],
    });
    try {
      const page = await browser.newPage();
      const address = uniqueAddress('other-host');
      await page.goto(`${SITE_URL.replace('127.0.0.1', 'staging.briefings.test')}/mali`);
      await untilInteractive(page);
      await page.getByLabel('Email address').fill(address);
      await page.getByRole('button', { name: 'Subscribe' }).click();
      await expect(subscribeBox(page).getByRole('status')).toContainText('a message with a link to confirm your subscription is on its way');
      await waitForMail(address);
    } finally {
      await browser.close();
    }
  });

  test('a link that is not whole gets a page that says so and offers to subscribe again', async ({ page }) => {
    await page.goto('/subscribe/confirm?token=not-a-real-token');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link cannot be used');
    await page.goto('/unsubscribe?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link cannot be used');
    await expect(page.getByRole('button', { name: 'Subscribe' })).toBeVisible();
  });
});
