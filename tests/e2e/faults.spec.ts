import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './support/test';
import pg from 'pg';
import { postgresUnavailableReason, startPostgresCluster, type PostgresCluster } from '../support/deployment/postgres-cluster';
import { holdSqliteWriteLock } from '../support/sqlite-write-lock';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { eventually, freePort, ROOT, spawnAppServer, startAppServer, type AppServer } from './support/app-server';
import { abortedUpload, send, subscribe } from './support/http';

/**
 * The faults a production deployment meets (issue 7), each reproduced against the production
 * server with a store of the test's own: a PostgreSQL cluster started by the test (never the
 * shared one), behind a TCP proxy the test can make hang. Nothing here is timed: a bound on a
 * hang is the request's own timeout, so a hang fails the test instead of stalling it.
 */
const noPostgres = postgresUnavailableReason();
const CONTENT = ['/', '/mali', '/mali/crisiswatch', '/mali/crisiswatch/2023-02', '/mali/feed.xml', '/feed.xml', '/mali/crisiswatch.json', '/mali/crisiswatch.csv', '/sitemap.xml'];
const A_TOKEN = 'A'.repeat(43);

let scratch: string;
const servers: AppServer[] = [];
const clusters: PostgresCluster[] = [];
const proxies: TcpProxy[] = [];

test.describe.configure({ mode: 'parallel' });
test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'server-side tests: once is enough');

test.beforeEach(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'faults-'));
});

test.afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.kill()));
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
  await Promise.all(clusters.splice(0).map((cluster) => cluster.destroy()));
  await rm(scratch, { recursive: true, force: true });
});

async function server(env: Record<string, string>): Promise<AppServer> {
  const port = await freePort();
  const started = await startAppServer({ SITE_URL: `http://127.0.0.1:${port}`, MAIL_DIR: path.join(scratch, 'mail'), ...env }, port);
  servers.push(started);
  return started;
}

async function cluster(): Promise<{ cluster: PostgresCluster; databaseUrl: string }> {
  const started = await startPostgresCluster({ fast: true });
  clusters.push(started);
  return { cluster: started, databaseUrl: await started.createDatabase('briefings') };
}

async function query<T extends pg.QueryResultRow>(databaseUrl: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

/** Locks tables in a transaction of the test's own, so every request that needs them waits (and holds its connection). */
async function holdTables(databaseUrl: string, tables: string[]) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('begin');
  await client.query(`lock table ${tables.join(', ')} in access exclusive mode`);
  return {
    client,
    release: async () => {
      await client.query('rollback');
      await client.end();
    },
  };
}

/** The reader sees the site's own frame (header, navigation home, footer), not a bare error. */
function expectSiteFrame(html: string) {
  expect(html).toMatch(/<header class="site-header"/);
  expect(html).toMatch(/<footer class="site-footer"/);
}

async function expectStoreOutageAnswers(site: AppServer) {
  const answer = await subscribe(site.url, `outage-${Date.now()}@example.org`);
  expect(answer.status, answer.body).toBe(503);
  expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
  expect(JSON.parse(answer.body)).toMatchObject({ ok: false, message: expect.stringContaining('try again') });

  for (const page of [`/subscribe/confirm?token=${A_TOKEN}`, `/unsubscribe?token=${A_TOKEN}`, `/preferences?token=${A_TOKEN}`]) {
    const answered = await send(`${site.url}${page}`);
    expect(answered.status, page).toBe(503);
    expect(Number(answered.headers['retry-after'])).toBeGreaterThan(0);
    expect(answered.body).toContain('This link cannot be used just now');
    expect(answered.body).toContain('Your link still works');
    expectSiteFrame(answered.body);
  }

  const oneClick = await send(`${site.url}/unsubscribe?token=${A_TOKEN}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
  expect(oneClick.status).toBe(503);
  expect(oneClick.headers['retry-after']).toBeDefined();
}

async function expectContentServed(site: AppServer) {
  for (const page of CONTENT) expect((await send(`${site.url}${page}`)).status, page).toBe(200);
}

test.describe('fault 1: the database is unreachable when the server starts', () => {
  test.skip(Boolean(noPostgres), `needs PostgreSQL binaries: ${noPostgres}`);

  test('pages, feeds and data answer 200; subscribe, confirm and unsubscribe answer 503; all recovers when PostgreSQL starts', async () => {
    test.setTimeout(90_000);
    const { cluster: db, databaseUrl } = await cluster();
    await db.stop();
    const site = await server({ DATABASE_URL: databaseUrl, DATABASE_TIMEOUT_MS: '1000' });

    await expectContentServed(site);
    expect((await send(`${site.url}/subscribe`)).status).toBe(200);
    await expectStoreOutageAnswers(site);
    const ready = await send(`${site.url}/api/health/ready`);
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toMatchObject({ status: 'ready', subscriptions: 'unavailable' });

    await db.start();
    await eventually(async () => (await subscribe(site.url, 'back@example.org')).status === 202, 20_000, 'a subscription is accepted once PostgreSQL is back');
    expect(await query(databaseUrl, "select email from subscribers where email = 'back@example.org'")).toHaveLength(1);
    expect((await send(`${site.url}/subscribe/confirm?token=${A_TOKEN}`)).status).toBe(200);
    expect(site.output()).not.toMatch(/\n\s+at /);
  });

  test('a SQLite file that cannot be opened: the same, until it can be', async () => {
    test.setTimeout(60_000);
    // A folder where a file stands: the database cannot be created until the file is gone.
    const blocker = path.join(scratch, 'data');
    await writeFile(blocker, 'not a folder');
    const site = await server({ DATABASE_URL: path.join(blocker, 'subscribers.db') });

    await expectContentServed(site);
    await expectStoreOutageAnswers(site);

    await rm(blocker);
    await eventually(async () => (await subscribe(site.url, 'sqlite-back@example.org')).status === 202, 20_000, 'a subscription is accepted once the file can be created');
  });
});

test.describe('fault 2: a database that accepts connections and never answers', () => {
  test.skip(Boolean(noPostgres), `needs PostgreSQL binaries: ${noPostgres}`);

  test('subscribe, confirm and one-click answer 503 within their timeout, and all recovers when it answers again', async () => {
    test.setTimeout(120_000);
    const { databaseUrl } = await cluster();
    const proxy = await startTcpProxy(Number(new URL(databaseUrl).port));
    proxies.push(proxy);
    const proxied = new URL(databaseUrl);
    proxied.port = String(proxy.port);
    const site = await server({ DATABASE_URL: proxied.toString(), DATABASE_TIMEOUT_MS: '1000' });
    // On a loaded machine the first connection and the migrations can outlast the 1 s timeout (the
    // store is then reported down and probed): what matters is that it is answering before the hang.
    await eventually(async () => (await subscribe(site.url, 'before@example.org')).status === 202, 30_000, 'a subscription is accepted before the hang');

    proxy.setMode('hang');
    // The request's own timeout (30 s) is the bound: a hang fails here instead of stalling.
    const hung = await subscribe(site.url, 'during@example.org', {}, 30_000);
    expect(hung.status).toBe(503);
    await expectStoreOutageAnswers(site);
    await expectContentServed(site);

    proxy.setMode('pass');
    await eventually(async () => (await subscribe(site.url, 'after@example.org')).status === 202, 30_000, 'a subscription is accepted once the database answers');
  });
});

test.describe('fault 3: one subscription service per process, not one per Next bundle', () => {
  test.skip(Boolean(noPostgres), `needs PostgreSQL binaries: ${noPostgres}`);

  test('however many routes and pages wait on the database at once, the process holds at most one pool of connections', async () => {
    test.setTimeout(90_000);
    const { databaseUrl } = await cluster();
    const site = await server({ DATABASE_URL: databaseUrl, DATABASE_TIMEOUT_MS: '8000' });
    expect((await subscribe(site.url, 'first@example.org')).status).toBe(202);

    // Hold the tables every subscription route and page reads, so each request keeps its connection.
    const blocker = await holdTables(databaseUrl, ['subscribers', 'unsubscribe_tokens']);
    const requests = Array.from({ length: 12 }, (_, index) => [
      subscribe(site.url, `wait-${index}@example.org`, {}, 30_000),
      send(`${site.url}/subscribe/confirm?token=${A_TOKEN}`, { timeoutMs: 30_000 }),
      send(`${site.url}/unsubscribe?token=${A_TOKEN}`, { timeoutMs: 30_000 }),
    ]).flat();
    // Watched from outside the lock's transaction: inside it, pg_stat_activity would be a snapshot.
    const watcher = new pg.Client({ connectionString: databaseUrl });
    await watcher.connect();
    const backendPid = async (client: pg.Client) => (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid;
    const ours = [await backendPid(blocker.client), await backendPid(watcher)];
    let most = 0;
    const until = Date.now() + 3_000;
    while (Date.now() < until) {
      const [row] = (await watcher.query<{ count: string }>('select count(*) from pg_stat_activity where datname = current_database() and pid <> all($1)', [ours])).rows;
      most = Math.max(most, Number(row?.count ?? 0));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await watcher.end();
    await blocker.release();
    await Promise.allSettled(requests);
    // DATABASE_POOL_SIZE is 10 by default: one pool for the whole process.
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(10);
  });
});

test.describe('fault 5: the form works at whatever address the site is reached', () => {
  test('posts from the host the request was sent to are accepted; other sites are refused', async () => {
    // SITE_URL says localhost; readers (and staging) reach it at 127.0.0.1.
    const port = await freePort();
    const site = await startAppServer({ SITE_URL: `http://localhost:${port}`, MAIL_DIR: path.join(scratch, 'mail'), DATABASE_URL: path.join(scratch, 'db.sqlite') }, port);
    servers.push(site);
    expect((await subscribe(site.url, 'here@example.org')).status).toBe(202);
    const form = await send(`${site.url}/api/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: site.url },
      body: 'email=form%40example.org&country=mali',
    });
    expect(form.status).toBe(303);
    expect(form.headers.location).toBe('/subscribe?result=pending&country=mali');
    const confirm = await send(`${site.url}/api/subscriptions/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: site.url },
      body: `token=${A_TOKEN}`,
    });
    expect(confirm.status).toBe(303);

    for (const origin of ['http://evil.example', `http://127.0.0.2:${port}`, 'null']) {
      expect((await subscribe(site.url, 'victim@example.org', { origin })).status, origin).toBe(403);
    }
    const crossSiteConfirm = await send(`${site.url}/api/subscriptions/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://evil.example' },
      body: `token=${A_TOKEN}`,
    });
    expect(crossSiteConfirm.status).toBe(403);
  });

  test('behind a trusted proxy, the host the proxy was asked for counts; a client cannot claim one itself', async () => {
    const proxied = await server({ TRUST_PROXY: '1', DATABASE_URL: path.join(scratch, 'db.sqlite') });
    const viaProxy = { origin: 'https://staging.example.org', 'x-forwarded-host': 'staging.example.org', 'x-forwarded-proto': 'https' };
    expect((await subscribe(proxied.url, 'staging@example.org', viaProxy)).status).toBe(202);
    const direct = await server({ DATABASE_URL: path.join(scratch, 'db2.sqlite') });
    expect((await subscribe(direct.url, 'staging@example.org', viaProxy)).status).toBe(403);
  });
});

test.describe('fault 6: bad settings', () => {
  test('the server names every bad setting at once, exits 1 and never says it is ready', async () => {
    const port = await freePort();
    const site = spawnAppServer(
      { PORT: 'abc', SUBSCRIBE_RATE_LIMIT: 'x', SITE_URL: 'briefings.example.org', DATABASE_URL: 'mysql://db/x', SMTP_URL: 'http://user:secret@mail', CONFIRM_TOKEN_TTL_HOURS: '1e10', SMTP_TIMEOUT_MS: '0x5208' },
      port,
    );
    servers.push(site);
    const { code } = await site.exited;
    expect(code).toBe(1);
    for (const name of ['PORT', 'SUBSCRIBE_RATE_LIMIT', 'SITE_URL', 'DATABASE_URL', 'SMTP_URL', 'CONFIRM_TOKEN_TTL_HOURS', 'SMTP_TIMEOUT_MS']) expect(site.output()).toContain(`${name}: `);
    expect(site.output()).not.toContain('Ready');
    expect(site.output()).not.toContain('secret');
    expect(site.output()).not.toMatch(/\n\s+at /);
  });

  test('the build refuses the same settings before it builds anything', async () => {
    test.setTimeout(120_000);
    const result = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
      cwd: ROOT,
      env: { ...process.env, NEXT_DIST_DIR: path.relative(ROOT, path.join(scratch, 'build')), PORT: 'abc', SUBSCRIBE_RATE_LIMIT: 'x', NEXT_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
      timeout: 110_000,
    });
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain('PORT: must be a port number');
    expect(`${result.stdout}${result.stderr}`).toContain('SUBSCRIBE_RATE_LIMIT: must be a whole number');
  });
});

test.describe('fault 8: an upload that never arrives whole', () => {
  test('is answered 400 when the client can still hear it, logs no stack trace, and the server carries on', async () => {
    const site = await server({ DATABASE_URL: path.join(scratch, 'db.sqlite') });
    const halfClosed = await abortedUpload(site.port, '/api/subscribe', 'end');
    expect(halfClosed).toMatch(/^HTTP\/1\.1 400 /);
    await abortedUpload(site.port, '/api/subscribe', 'reset');
    await abortedUpload(site.port, `/unsubscribe?token=${A_TOKEN}`, 'reset');
    expect((await subscribe(site.url, 'after-abort@example.org')).status).toBe(202);
    expect(site.output()).not.toMatch(/\n\s+at /);
    expect(site.output()).not.toMatch(/ 500 |status: 500/);
  });
});

test.describe('fault 12: an oversized body (issue 17)', () => {
  test('is answered a readable 413 that closes the connection, and the client’s next request succeeds', async () => {
    const site = await server({ DATABASE_URL: path.join(scratch, 'db.sqlite') });
    for (let round = 0; round < 5; round += 1) {
      const refused = await send(`${site.url}/api/subscribe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: site.url },
        body: Buffer.alloc(256 * 1024, 'x'),
      });
      expect(refused.status).toBe(413);
      expect(refused.headers.connection).toBe('close');
      expect(JSON.parse(refused.body)).toMatchObject({ ok: false, errors: [{ field: 'body' }] });
      expect((await subscribe(site.url, `after-oversized-${round}@example.org`)).status).toBe(202);
    }
    expect(site.output()).not.toMatch(/\n\s+at /);
  });
});

test.describe('fault 13: methods an address does not serve (issue 17)', () => {
  test('get 405 with Allow, and nothing an outsider sends writes a stack trace to the log', async () => {
    const site = await server({ DATABASE_URL: path.join(scratch, 'db.sqlite') });
    const refused = [
      ['TRACE', '/api/subscribe', 'POST'],
      ['TRACE', `/unsubscribe?token=${A_TOKEN}`, 'GET, HEAD, POST'],
      ['TRACE', '/mali/feed.xml', 'GET, HEAD'],
      ['TRACE', '/mali/opengraph-image', 'GET, HEAD'],
      ['PUT', '/mali', 'GET, HEAD'],
      ['DELETE', '/mali', 'GET, HEAD'],
      ['PATCH', '/mali/crisiswatch/2023-02', 'GET, HEAD'],
      ['OPTIONS', '/mali', 'GET, HEAD'],
      ['OPTIONS', '/api/subscribe', 'POST'],
      ['GET', '/api/subscribe', 'POST'],
    ] as const;
    for (const [method, page, allow] of refused) {
      const answer = await send(`${site.url}${page}`, { method, headers: method === 'PUT' || method === 'PATCH' ? { 'content-type': 'text/plain' } : {}, body: method === 'PUT' || method === 'PATCH' ? 'x' : undefined });
      expect(answer.status, `${method} ${page}`).toBe(405);
      expect(answer.headers.allow, `${method} ${page}`).toBe(allow);
    }
    // A broken %-encoding is the client's mistake (it was a 500).
    for (const page of ['/%', '/%E0%A4%A']) expect((await send(`${site.url}${page}`)).status, page).toBe(400);
    expect((await send(`${site.url}/mali`, { method: 'HEAD' })).status).toBe(200);
    expect((await subscribe(site.url, 'methods@example.org')).status).toBe(202);
    expect(site.output()).not.toMatch(/\n\s+at /);
    expect(site.output()).not.toMatch(/ 500 |status: 500/);
  });
});

test.describe('fault 9: the rate limit is shared by every instance', () => {
  test.skip(Boolean(noPostgres), `needs PostgreSQL binaries: ${noPostgres}`);

  test('two instances on one database allow a client the limit, not twice the limit', async () => {
    test.setTimeout(90_000);
    const { databaseUrl } = await cluster();
    const first = await server({ DATABASE_URL: databaseUrl, SUBSCRIBE_RATE_LIMIT: '3' });
    const second = await server({ DATABASE_URL: databaseUrl, SUBSCRIBE_RATE_LIMIT: '3' });
    // No wait for either instance to open the database: a post that arrives while it is still
    // opening is counted there too, once it is open.
    const statuses = [];
    for (let index = 0; index < 6; index += 1) statuses.push((await subscribe(index % 2 ? second.url : first.url, `limited-${index}@example.org`)).status);
    expect(statuses).toEqual([202, 202, 202, 429, 429, 429]);
  });
});

test.describe('fault 10: each client has a rate limit of its own (issue 17)', () => {
  test('on bare npm start, a client over the limit leaves another client its posts', async () => {
    const site = await server({ DATABASE_URL: path.join(scratch, 'db.sqlite'), SUBSCRIBE_RATE_LIMIT: '2' });
    const statuses = [];
    for (let index = 0; index < 3; index += 1) statuses.push((await subscribe(site.url, `first-client-${index}@example.org`)).status);
    expect(statuses).toEqual([202, 202, 429]);
    expect((await subscribe(site.url, 'second-client@example.org', {}, undefined, '127.0.0.2')).status).toBe(202);
  });
});

test.describe('fault 11: another process holds the SQLite write lock (issue 17)', () => {
  test('pages are answered while a post waits on the lock; the post gets 503 with Retry-After; posts are stored again once it is released', async () => {
    test.setTimeout(60_000);
    const file = path.join(scratch, 'db.sqlite');
    const site = await server({ DATABASE_URL: file, DATABASE_TIMEOUT_MS: '3000' });
    expect((await subscribe(site.url, 'before-lock@example.org')).status).toBe(202);
    const lock = await holdSqliteWriteLock(file);
    try {
      const answered: string[] = [];
      const post = subscribe(site.url, 'during-lock@example.org').then((answer) => (answered.push('post'), answer));
      // Not a bound: only so that the post is waiting on the lock when the reader arrives.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const page = await send(`${site.url}/mali`);
      answered.push('page');
      expect(page.status).toBe(200);
      const refused = await post;
      expect(answered).toEqual(['page', 'post']);
      expect(refused.status).toBe(503);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await lock.release();
    }
    await eventually(async () => (await subscribe(site.url, 'after-lock@example.org')).status === 202, 15_000, 'a post is stored once the lock is released');
    expect(site.output()).not.toMatch(/\n\s+at /);
  });
});

test.describe('shutdown', () => {
  test.skip(Boolean(noPostgres), `needs PostgreSQL binaries: ${noPostgres}`);

  test('SIGTERM answers the request under way, refuses new connections, and exits 0', async () => {
    test.setTimeout(90_000);
    const { databaseUrl } = await cluster();
    const site = await server({ DATABASE_URL: databaseUrl, DATABASE_TIMEOUT_MS: '8000' });
    expect((await subscribe(site.url, 'warm@example.org')).status).toBe(202);
    const blocker = await holdTables(databaseUrl, ['subscribers']);
    const underWay = subscribe(site.url, 'under-way@example.org', {}, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    site.child.kill('SIGTERM');
    await eventually(async () => site.output().includes('draining'), 5_000, 'the server says it is draining');
    await blocker.release();
    expect((await underWay).status).toBe(202);
    const { code } = await site.exited;
    expect(code).toBe(0);
    expect(await send(`${site.url}/mali`, { timeoutMs: 2_000 }).catch((error: Error) => error.message)).toMatch(/ECONNREFUSED/);
    expect(await query(databaseUrl, "select email from subscribers where email = 'under-way@example.org'")).toHaveLength(1);
  });
});

test.describe('headers', () => {
  test('HSTS only over https as a trusted proxy reports it; no X-Powered-By; content may be cached, the API and token pages never', async () => {
    const trusted = await server({ TRUST_PROXY: '1', DATABASE_URL: path.join(scratch, 'db.sqlite') });
    const overHttps = await send(`${trusted.url}/mali`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(overHttps.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    expect((await send(`${trusted.url}/mali`)).headers['strict-transport-security']).toBeUndefined();
    const untrusted = await server({ DATABASE_URL: path.join(scratch, 'db2.sqlite') });
    expect((await send(`${untrusted.url}/mali`, { headers: { 'x-forwarded-proto': 'https' } })).headers['strict-transport-security']).toBeUndefined();

    const page = await send(`${untrusted.url}/mali`);
    expect(page.headers['x-powered-by']).toBeUndefined();
    expect(page.headers['cache-control']).toMatch(/^public, .*s-maxage=\d+/);
    expect((await send(`${untrusted.url}/mali/feed.xml`)).headers['cache-control']).toMatch(/^public/);
    expect((await subscribe(untrusted.url, 'headers@example.org')).headers['cache-control']).toMatch(/no-store/);
    for (const tokenPage of [`/subscribe/confirm?token=${A_TOKEN}`, `/unsubscribe?token=${A_TOKEN}`, `/preferences?token=${A_TOKEN}`, '/subscribe?result=pending']) {
      expect((await send(`${untrusted.url}${tokenPage}`)).headers['cache-control'], tokenPage).toMatch(/no-store/);
    }
  });
});

