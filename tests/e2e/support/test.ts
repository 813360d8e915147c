import { test as base, type Page } from '@playwright/test';

export * from '@playwright/test';

/**
 * Until React has taken over a page it is the plain-HTML page: prerendered pages fetch their
 * scripts and their payload after their first paint (lib/build/scripts-after-load.ts), later than
 * Playwright's `load`, so until then nothing of React is on the page but the loader's list of
 * addresses. Resolves at once on a page with no React on it (a feed, a JSON answer, nginx's own
 * page).
 */
export async function untilInteractive(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const react = [...document.scripts].some((script) => script.src.includes('/_next/static/') || script.text.includes('/_next/static/'));
    return !react || document.documentElement.dataset.hydrated === 'true';
  });
}

const NAVIGATIONS = ['goto', 'reload', 'goBack', 'goForward'] as const;

/** Each navigation of the page resolves once the page it reached is interactive, as before scripts moved after load. */
export function waitingForReact(page: Page): void {
  for (const name of NAVIGATIONS) {
    const navigate = page[name].bind(page) as (...args: unknown[]) => ReturnType<Page[typeof name]>;
    Object.assign(page, {
      [name]: async (...args: unknown[]) => {
        const response = await navigate(...args);
        await untilInteractive(page);
        return response;
      },
    });
  }
}

/**
 * Playwright's `test`, where with JavaScript on every page a test opens in its context waits for
 * React after each navigation it makes (`goto`, `reload`, back and forward).
 */
export const test = base.extend({
  context: async ({ context, javaScriptEnabled }, provide) => {
    if (javaScriptEnabled) context.on('page', waitingForReact);
    await provide(context);
  },
});
