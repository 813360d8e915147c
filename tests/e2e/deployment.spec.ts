import http from 'node:http';
import { availableParallelism } from 'node:os';
import https from 'node:https';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from './support/test';
import pg from 'pg';
import { startLocalDeployment, type LocalDeployment } from '../support/deployment/deployment';
import { nginxUnavailableReason } from '../support/deployment/nginx-process';
import { postgresUnavailableReason } from '../support/deployment/postgres-cluster';
import { HSTS } from '../../lib/server/response-policy';
import { loadStaticRoutes, type StaticRoutesManifest } from '../../lib/server/static-routes';
import { trickle } from '../support/trickling-clients';
import { watchViolations } from './support/csp';
import { liveCountry } from './support/live-content';
import { SITE_URL } from './sites';

/**
 * The deployment as a reader meets it: nginx in front of two app instances sharing a PostgreSQL
 * of their own, all started by tests/support/deployment on free ports from the build the browser
 * tests made (.next), nginx from the shipped files in deploy/nginx/. Content is nginx's to serve,
 * so it outlives every instance; the rest is the app's.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const RATE_LIMIT = 3;
const unavailable = nginxUnavailableReason() ?? postgresUnavailableReason();

type Answer = { status: number; headers: Record<string, string[]>; body: string; bytes: Buffer };

/**
 * One request from a chosen loopback address (127.0.0.x all reach 127.0.0.1 on Linux), so each
 * test is a client of its own for the rate limit; TLS accepted as self-signed.
 */
function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string; from?: string; timeoutMs?: number } = {}): Promise<Answer> {
  const client = url.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = client.request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, localAddress: options.from, rejectUnauthorized: false, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const headers: Record<string, string[]> = {};
          for (let index = 0; index < response.rawHeaders.length; index += 2) (headers[response.rawHeaders[index]!.toLowerCase()] ??= []).push(response.rawHeaders[index + 1]!);
          const bytes = Buffer.concat(chunks);
          resolve({ status: response.statusCode ?? 0, headers, body: bytes.toString('utf8'), bytes });
        });
      },
    );
    outgoing.on('error', reject);
    if (options.timeoutMs) outgoing.setTimeout(options.timeoutMs, () => outgoing.destroy(new Error(`no answer from ${url} within ${options.timeoutMs} ms`)));
    outgoing.end(options.body);
  });
}

const subscribe = (deployment: LocalDeployment, email: string, options: { from?: string; headers?: Record<string, string>; timeoutMs?: number } = {}) =>
  send(`${deployment.url}/api/subscribe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', origin: deployment.url, ...options.headers },
    body: JSON.stringify({ email, country: 'mali' }),
    from: options.from,
    timeoutMs: options.timeoutMs,
  });

async function storedEmails(databaseUrl: string, emails: string[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ email: string }>('select email from subscribers where email = any($1) order by email', [emails]);
    return rows.map((row) => row.email);
  } finally {
    await client.end();
  }
}

/**
 * nginx's access log lines for a method and path (`upstream=-` when nginx answered itself),
 * once at least `atLeast` are there: nginx writes the log in batches, up to a second late.
 */
async function accessLog(deployment: LocalDeployment, request: string, atLeast = 1): Promise<string[]> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const log = await readFile(deployment.nginx.accessLog, 'utf8');
    const lines = log.split('\n').filter((line) => line.includes(`"${request} `));
    if (lines.length >= atLeast || Date.now() > deadline) return lines;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}


test.describe.serial('the deployment: nginx, two app instances, PostgreSQL', () => {
  test.skip(Boolean(unavailable), `needs nginx and PostgreSQL binaries: ${unavailable}`);
  let deployment: LocalDeployment;
  let manifest: StaticRoutesManifest;

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    manifest = await loadStaticRoutes(path.join(ROOT, '.next'));
    // A dead instance is retried after 2 s instead of 10, so "back again" is quick to see.
    deployment = await startLocalDeployment({ instances: 2, rateLimit: RATE_LIMIT, failTimeoutSeconds: 2, env: { OUTBOX_INTERVAL_MS: '500' } });
  });

  test.afterAll(async () => {
    await deployment?.stop();
  });

  test("/mali comes from nginx with the page's own CSP, and its scripts run under it", async ({ page }) => {
    const violations = await watchViolations(page);
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    const response = await page.goto(`${deployment.url}/mali`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toBe(manifest.routes['/mali']?.headers['content-security-policy']);
    const carousel = page.getByRole('region', { name: 'In The News' });
    await carousel.getByRole('button', { name: 'Next quote' }).click();
    await expect(carousel.getByRole('group').filter({ visible: true })).toHaveAttribute('aria-label', `2 of ${(await liveCountry('mali')).quotes.length}`);
    await page.waitForLoadState('networkidle');
    expect(await violations()).toEqual([]);
    expect(failed).toEqual([]);
    // The page itself came from the build, not from an instance; Next's data requests for it
    // (prefetches, with an RSC header) were the instances' to answer.
    const [document, ...dataRequests] = await accessLog(deployment, 'GET /mali');
    expect(document).toContain(' upstream=- ');
    for (const line of dataRequests) expect(line).toMatch(/ upstream=127\.0\.0\.1:\d+ /);
  });

  test('feeds and data files have their own content types', async () => {
    const feed = await send(`${deployment.url}/mali/feed.xml`);
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toEqual(['application/atom+xml; charset=utf-8']);
    const csv = await send(`${deployment.url}/mali/crisiswatch.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toEqual([manifest.routes['/mali/crisiswatch.csv']?.headers['content-type']]);
    expect(csv.headers['content-disposition']).toEqual([manifest.routes['/mali/crisiswatch.csv']?.headers['content-disposition']]);
    expect(csv.body.split('\n')[0]).toMatch(/^month,/);
  });

  test('a page, a feed and a script come as brotli or gzip as the client accepts, the same bytes once decoded, through nginx and from bare npm start', async () => {
    const page = await send(`${deployment.url}/mali`);
    const script = /<script src="(\/_next\/static\/[^"?]+\.js)"/.exec(page.body)?.[1];
    expect(script, 'a script of the page').toBeDefined();
    for (const [server, base] of [['nginx', deployment.url], ['npm start', SITE_URL]] as const) {
      for (const route of ['/mali', '/mali/feed.xml', script!]) {
        const identity = await send(`${base}${route}`);
        expect(identity.status, `${server} ${route}`).toBe(200);
        expect(identity.headers['content-encoding'], `${server} ${route}`).toBeUndefined();
        for (const [coding, decode] of [['br', brotliDecompressSync], ['gzip', gunzipSync]] as const) {
          const label = `${server} ${route} ${coding}`;
          const answer = await send(`${base}${route}`, { headers: { 'Accept-Encoding': coding } });
          expect(answer.status, label).toBe(200);
          expect(answer.headers['content-encoding'], label).toEqual([coding]);
          expect(decode(answer.bytes).equals(identity.bytes), label).toBe(true);
          expect(answer.headers['content-type'], label).toEqual(identity.headers['content-type']);
          expect(answer.headers.vary?.join(', ').toLowerCase(), label).toContain('accept-encoding');
        }
      }
    }
  });

  test('a subscription posted through nginx is accepted and stored in the shared database', async () => {
    const email = `deploy-stored-${Date.now()}@example.org`;
    const answer = await subscribe(deployment, email);
    expect(answer.status, answer.body).toBe(202);
    expect(await storedEmails(deployment.databaseUrl, [email])).toEqual([email]);
  });

  test('a client cannot pick its own address for the rate limit, whichever instance answers', async () => {
    const emails = Array.from({ length: RATE_LIMIT + 1 }, (_, index) => `deploy-limit-${index}-${Date.now()}@example.org`);
    const statuses: number[] = [];
    for (const [index, email] of emails.entries()) {
      const answer = await subscribe(deployment, email, { from: '127.0.0.3', headers: { 'X-Forwarded-For': `198.51.100.${index + 1}`, 'X-Real-IP': `198.51.100.${index + 1}` } });
      statuses.push(answer.status);
      if (answer.status === 429) expect(answer.headers['retry-after']).toHaveLength(1);
    }
    expect(statuses).toEqual([202, 202, 202, 429]);
    const upstreams = (await accessLog(deployment, 'POST /api/subscribe', emails.length))
      .filter((line) => line.startsWith('127.0.0.3 '))
      .map((line) => /upstream=(\S+)/.exec(line)?.[1]);
    expect(new Set(upstreams), 'the posts went to both instances').toEqual(new Set(deployment.instances.map((instance) => `127.0.0.1:${instance.port}`)));
  });

  test('with every instance killed, content is still served and the rest says to come back', async () => {
    await deployment.stopAll('SIGKILL');
    expect(deployment.instances.every((instance) => !instance.running)).toBe(true);
    for (const route of ['/mali', '/mali/feed.xml', '/mali/crisiswatch.json']) {
      const answer = await send(`${deployment.url}${route}`);
      expect(answer.status, route).toBe(200);
      expect(answer.headers['content-type'], route).toEqual([manifest.routes[route]?.headers['content-type']]);
    }
    const dynamic = await send(`${deployment.url}/mali/crisiswatch/filter?verdict=improved`);
    expect(dynamic.status).toBe(503);
    expect(dynamic.headers['retry-after']).toEqual(['30']);
    expect(dynamic.body).toContain('This page is temporarily unavailable');
  });

  test('once the instances are started again, subscribing works again', async () => {
    // Two Next servers starting at once: on a busy shared machine that alone took over 30 s.
    test.setTimeout(90_000);
    await deployment.startAll();
    const email = `deploy-back-${Date.now()}@example.org`;
    // nginx tries an instance it saw fail again after fail_timeout (2 s here).
    await expect.poll(async () => (await subscribe(deployment, email, { from: '127.0.0.4' })).status, { timeout: 15_000, intervals: [250] }).toBe(202);
    expect(await storedEmails(deployment.databaseUrl, [email])).toEqual([email]);
  });

  test('https sends Strict-Transport-Security once, plain http never', async () => {
    for (const route of ['/mali', '/api/health/live']) {
      expect((await send(`${deployment.httpsUrl}${route}`)).headers['strict-transport-security'], route).toEqual([HSTS]);
      expect((await send(`${deployment.url}${route}`)).headers['strict-transport-security'], route).toBeUndefined();
    }
  });

  test('one client holding more connections than nginx used to have room for does not keep readers out', async () => {
    test.setTimeout(120_000);
    // Each worker (one per core) had room for 1,024 connections, the local deployment ran one.
    const flood = trickle(new URL(deployment.url).hostname, Number(new URL(deployment.url).port), { count: 1_100 * availableParallelism(), from: '127.0.0.5', reopen: true });
    try {
      await flood.allConnected();
      const statuses: number[] = [];
      for (const route of [...Array.from({ length: 10 }, () => '/mali'), ...Array.from({ length: 5 }, () => '/api/health/live')]) {
        statuses.push(await send(`${deployment.url}${route}`, { from: '127.0.0.6' }).then((answer) => answer.status, () => 0));
      }
      expect(statuses, 'readers while one client floods (0: no answer)').toEqual(statuses.map(() => 200));
    } finally {
      flood.stop();
    }
  });

  test("one address's burst of requests for the app is cut short with 429, while another address is served", async () => {
    const burst = await Promise.all(Array.from({ length: 400 }, () => send(`${deployment.url}/api/health/live`, { from: '127.0.0.9' }).then((answer) => answer.status, () => 0)));
    expect(burst.filter((status) => status === 429).length, 'answered 429').toBeGreaterThan(0);
    expect(burst.filter((status) => status !== 429 && status !== 200), 'anything but 200 and 429').toEqual([]);
    expect((await send(`${deployment.url}/api/health/live`, { from: '127.0.0.10' })).status).toBe(200);
  });

  test('a hung instance (SIGSTOP) is routed around: pages are answered by the other, a subscription gets a bounded answer, and the watchdog restarts it', async () => {
    test.setTimeout(180_000);
    const [hung, other] = deployment.instances;
    const pid = hung!.pid!;
    process.kill(pid, 'SIGSTOP');
    try {
      const statuses: number[] = [];
      // Pages only an instance renders; round robin sends every other one to the hung instance.
      for (const route of ['/mali/crisiswatch/filter?verdict=improved', '/search?q=army', '/mali/crisiswatch/filter?verdict=unchanged', '/search?q=mali']) {
        statuses.push(await send(`${deployment.url}${route}`, { from: '127.0.0.11', timeoutMs: 60_000 }).then((answer) => answer.status, () => 0));
      }
      expect(statuses, 'pages while one instance hangs').toEqual([200, 200, 200, 200]);
      // nginx read timeouts come from the configuration, not this machine's speed: 35 s used to pass with no answer.
      const post = await subscribe(deployment, `deploy-hung-${Date.now()}@example.org`, { from: '127.0.0.12', timeoutMs: 30_000 });
      expect([202, 503], post.body).toContain(post.status);
      if (post.status === 503) expect(post.headers['retry-after']).toHaveLength(1);
      await expect.poll(() => hung!.watchdogRestarts, { timeout: 60_000, message: 'the watchdog restarted the hung instance' }).toBe(1);
      await expect.poll(() => hung!.running && hung!.pid !== pid, { timeout: 60_000 }).toBe(true);
      expect(other!.watchdogRestarts).toBe(0);
    } finally {
      // Only while it is still the process this test stopped.
      if (hung!.pid === pid) process.kill(pid, 'SIGCONT');
    }
  });
});
