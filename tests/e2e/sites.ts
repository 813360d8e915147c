/** The two production builds the browser tests run against. */
export const PORT = Number(process.env.E2E_PORT ?? 3100);
export const SITE_URL = `http://127.0.0.1:${PORT}`;

/** Built from generated fictional countries (Ruritania: 240 months; Freedonia: 3 and a draft; four more with 2024). */
export const FICTIONAL_PORT = PORT + 1;
export const FICTIONAL_SITE_URL = `http://127.0.0.1:${FICTIONAL_PORT}`;

/** The main site's subscriber database and mail folder (mail is written as .eml files there). */
export const E2E_DATA_DIR = 'tests/.generated/e2e';
export const E2E_MAIL_DIR = `${E2E_DATA_DIR}/mail`;

/** Debian's Chromium on these machines: the network flags stop it trying to reach the closed network. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
