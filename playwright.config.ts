import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const SITE_URL = `http://127.0.0.1:${PORT}`;

/** Debian's Chromium: browsers cannot be downloaded on these machines. */
const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  },
};

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: { baseURL: SITE_URL, trace: 'retain-on-failure' },
  projects: [
    { name: 'javascript', use: { ...chromium, javaScriptEnabled: true }, testIgnore: /no-javascript\.spec\.ts/ },
    { name: 'no-javascript', use: { ...chromium, javaScriptEnabled: false }, testMatch: /(reader|accessibility|no-javascript)\.spec\.ts/ },
  ],
  webServer: {
    // The production build, served by one process so it is stopped cleanly.
    command: `npm run build && node node_modules/next/dist/bin/next start -p ${PORT} -H 127.0.0.1`,
    url: `${SITE_URL}/mali`,
    timeout: 240_000,
    reuseExistingServer: false,
    env: { SITE_URL, NEXT_TELEMETRY_DISABLED: '1' },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
