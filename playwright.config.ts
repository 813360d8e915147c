import { defineConfig, devices } from '@playwright/test';
import { FICTIONAL_SITE_URL, FICTIONAL_PORT, SITE_URL, PORT } from './tests/e2e/sites';

/** Debian's Chromium: browsers cannot be downloaded on these machines. */
const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  },
};

const serve = (port: number) => `node node_modules/next/dist/bin/next start -p ${port} -H 127.0.0.1`;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: { baseURL: SITE_URL, trace: 'retain-on-failure' },
  projects: [
    { name: 'javascript', use: { ...chromium, javaScriptEnabled: true }, testIgnore: /no-javascript\.spec\.ts/ },
    { name: 'no-javascript', use: { ...chromium, javaScriptEnabled: false }, testMatch: /(reader|accessibility|archive|no-javascript)\.spec\.ts/ },
  ],
  webServer: [
    {
      // The production build of the real content, served by one process so it is stopped cleanly.
      command: `npm run build && ${serve(PORT)}`,
      url: `${SITE_URL}/mali`,
      timeout: 300_000,
      reuseExistingServer: false,
      env: { SITE_URL, NEXT_TELEMETRY_DISABLED: '1' },
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // A second site built from generated fictional countries only: adding content folders is all it takes.
      command: `npx tsx tests/fixtures/generate-fictional-site.ts tests/.generated/content && npx next build && ${serve(FICTIONAL_PORT)}`,
      url: `${FICTIONAL_SITE_URL}/ruritania`,
      timeout: 400_000,
      reuseExistingServer: false,
      env: { SITE_URL: FICTIONAL_SITE_URL, CONTENT_DIR: 'tests/.generated/content', NEXT_DIST_DIR: '.next-fixture', NEXT_TELEMETRY_DISABLED: '1' },
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
