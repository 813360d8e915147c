import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { waitingForReact } from './test';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * axe-core's WCAG 2.2 A and AA rules find nothing on the page as it is now, once its stylesheets
 * have loaded: a browser shows nothing before them, but the DOM a test waits on can be there first,
 * and axe would measure unstyled links (a form posted without JavaScript, on a loaded machine).
 */
export async function expectNoAxeViolations(page: Page) {
  await page.waitForLoadState('load');
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  expect(violations.map(({ id, help, nodes }) => ({ id, help, targets: nodes.map((node) => node.target.join(' ')) }))).toEqual([]);
}

/**
 * A page of its own context. axe runs as script in the page, so "JavaScript off" is a page with
 * the site's own scripts blocked: its forms then post as plain HTML forms.
 */
export async function pageFor(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: true, baseURL: test.info().project.use.baseURL });
  if (javaScriptEnabled) context.on('page', waitingForReact);
  const page = await context.newPage();
  if (!javaScriptEnabled) await page.route('**/_next/static/**/*.js', (route) => route.abort());
  return page;
}
