import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, E2E_DATA_DIR, E2E_MAIL_DIR, FICTIONAL_PORT, FICTIONAL_SITE_URL, PORT, SITE_URL } from './tests/e2e/sites';

/** Debian's Chromium: browsers cannot be downloaded on these machines. */
const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  },
};

/** The production server (one process, so it is stopped cleanly), as `npm start` runs it. */
const serve = (port: number) => `PORT=${port} HOST=127.0.0.1 node lib/server/start-server.mjs`;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: { baseURL: SITE_URL, trace: 'retain-on-failure' },
  projects: [
    { name: 'javascript', use: { ...chromium, javaScriptEnabled: true }, testIgnore: /no-javascript\.spec\.ts/ },
    { name: 'no-javascript', use: { ...chromium, javaScriptEnabled: false }, testMatch: /(reader|first-minute|french-edition|accessibility|archive|preferences|maps|navigation|no-javascript)\.spec\.ts/ },
  ],
  webServer: [
    {
      // The production build of the real content, served by one process so it is stopped cleanly.
      command: `rm -rf ${E2E_DATA_DIR} && npm run build && ${serve(PORT)}`,
      url: `${SITE_URL}/mali`,
      timeout: 300_000,
      reuseExistingServer: false,
      env: {
        SITE_URL,
        NEXT_TELEMETRY_DISABLED: '1',
        DATABASE_URL: `${E2E_DATA_DIR}/subscribers.db`,
        MAIL_DIR: E2E_MAIL_DIR,
        // Every browser test posts from 127.0.0.1; the limit itself is tested in the unit tests.
        SUBSCRIBE_RATE_LIMIT: '0',
        OUTBOX_INTERVAL_MS: '500',
      },
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // A second site built from generated fictional countries only: adding content folders is all it takes.
      command: `npx tsx tests/fixtures/generate-fictional-site.ts tests/.generated/content && npm run build && ${serve(FICTIONAL_PORT)}`,
      url: `${FICTIONAL_SITE_URL}/ruritania`,
      timeout: 400_000,
      reuseExistingServer: false,
      env: {
        SITE_URL: FICTIONAL_SITE_URL,
        CONTENT_DIR: 'tests/.generated/content',
        NEXT_DIST_DIR: '.next-fixture',
        NEXT_TELEMETRY_DISABLED: '1',
        DATABASE_URL: 'tests/.generated/fictional-site/subscribers.db',
        MAIL_DIR: 'tests/.generated/fictional-site/mail',
      },
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
