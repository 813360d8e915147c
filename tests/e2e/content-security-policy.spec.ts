import { expect, test } from './support/test';
import { FICTIONAL_SITE_URL } from './sites';
import { watchViolations } from './support/csp';
import { liveCountry } from './support/live-content';

/**
 * The Content Security Policy backs up the markdown sanitiser: no inline script runs unless the
 * server vouched for it (a hash for prerendered pages, a nonce for pages rendered per request).
 * In Chromium, every kind of page runs its own scripts with no violation at all.
 */
const PAGES = [
  '/',
  '/mali',
  '/mali/crisiswatch',
  '/mali/crisiswatch/2023-02',
  '/no-such-page',
  '/mali/crisiswatch/1999-01',
  '/subscribe?result=pending&country=mali',
  '/subscribe/confirm?token=not-a-real-token',
  `${FICTIONAL_SITE_URL}/ruritania/crisiswatch/page/2`,
  `${FICTIONAL_SITE_URL}/ruritania/crisiswatch/filter?verdict=improved&from=2010`,
];

test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'a policy on scripts is tested with scripts on');

/** Records every violation the page reports, from before its first script runs. */

for (const path of PAGES) {
  test(`${path}: scripts are allowed by hash or nonce only, and none is refused`, async ({ page }) => {
    const violations = await watchViolations(page);
    const response = await page.goto(path);
    const policy = response?.headers()['content-security-policy'] ?? '';
    const scriptSrc = policy.split(';').find((directive) => directive.trim().startsWith('script-src')) ?? '';
    expect(scriptSrc).toMatch(/'(sha256-[A-Za-z0-9+/=]+|nonce-[A-Za-z0-9+/=]+)'/);
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(scriptSrc).not.toContain('unsafe-eval');
    await page.waitForLoadState('networkidle');
    expect(await violations()).toEqual([]);
  });
}

test('under the policy the carousel and the subscribe form still work', async ({ page }) => {
  const violations = await watchViolations(page);
  const { quotes } = await liveCountry('mali');
  await page.goto('/mali');
  const carousel = page.getByRole('region', { name: 'In The News' });
  await carousel.getByRole('button', { name: 'Next quote' }).click();
  await expect(carousel.getByRole('group').filter({ visible: true })).toHaveAttribute('aria-label', `2 of ${quotes.length}`);
  await page.getByLabel('Email address').fill('reader@example');
  await page.getByRole('button', { name: 'Subscribe' }).click();
  // Validated in place by the page's own script: the policy let it run.
  await expect(page.getByRole('region', { name: 'Follow Mali by email' }).getByRole('status')).toHaveText('Enter an email address in the form name@example.org');
  expect(await violations()).toEqual([]);
});

test('an injected inline script is refused', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/mali');
  // As if markdown had let a script through: the page's policy does not vouch for it.
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  expect((await violations()).join('\n')).toContain('script-src');
});
