import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { postgresUnavailableReason, startPostgresCluster, type PostgresCluster } from '../support/deployment/postgres-cluster';
import { migrateToLatest, openDatabase, type SubscriberDb } from '../../lib/db/database';
import { startAppServer } from '../e2e/support/app-server';
import { formatTable, ratio } from './format-table';
import { median } from './stats';

const CONNECTIONS = 20;
const SECONDS = 10;
const HELD = 100_000;

type Run = { store: string; held: number; sender: string; perSecond: number; answered: number; stored: number; p99: number };

/**
 * Distinct valid subscriptions per second through `npm start`'s server (HTTP, validation, the
 * store), 20 connections for 10 s, rate limit off, on an empty store and on one already holding
 * 100,000 subscribers; stored rows are counted against 2xx answers. The baseline, run in the same
 * process before and after: a bare SQLite loop of the five statements the old endpoint ran per
 * subscription, one transaction each, prepared once, with the same durability (WAL, FULL sync).
 */
export async function subscriptionThroughput(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-subscriptions-'));
  const runs: Run[] = [];
  const loops: number[] = [];
  let cluster: PostgresCluster | undefined;
  let nextFloor = Number.NaN;
  try {
    nextFloor = await nextRouteFloor(dir);
    loops.push(await rawSqliteLoop(path.join(dir, 'loop-1.db')));
    for (const held of [0, HELD]) runs.push(await measure({ store: 'SQLite', url: path.join(dir, `held-${held}.db`), held, sender: 'worker' }));
    runs.push(await measure({ store: 'SQLite', url: path.join(dir, 'sending.db'), held: 0, sender: 'server' }));
    const noPostgres = postgresUnavailableReason();
    if (noPostgres) console.log(`PostgreSQL rows skipped: ${noPostgres}`);
    else {
      cluster = await startPostgresCluster();
      for (const held of [0, HELD]) runs.push(await measure({ store: 'PostgreSQL', url: await cluster.createDatabase(`bench_${held}`), held, sender: 'worker' }));
    }
    loops.push(await rawSqliteLoop(path.join(dir, 'loop-2.db')));
  } finally {
    await cluster?.destroy();
    await rm(dir, { recursive: true, force: true });
  }
  const loop = median(loops);
  console.log(
    `Subscriptions per second: distinct valid addresses, ${CONNECTIONS} connections for ${SECONDS} s, rate limit off. Baseline: a bare SQLite loop of 5 statements a transaction, ${loops.map((value) => value.toFixed(0)).join(' and ')}/s before and after (median ${loop.toFixed(0)}/s)`,
  );
  console.log(
    formatTable(
      ['store', 'subscribers held', 'mail sent by', 'subscriptions/s', 'p99 ms', '2xx answers', 'rows stored', 'vs SQLite loop'],
      runs.map((run) => [
        run.store,
        run.held.toLocaleString('en-GB'),
        run.sender === 'worker' ? 'outbox worker' : 'the server',
        run.perSecond.toFixed(0),
        String(run.p99),
        String(run.answered),
        String(run.stored),
        ratio(run.perSecond, loop),
      ]),
    ),
  );
  console.log('"outbox worker": the server only queues the confirmation (OUTBOX_SENDER=worker); "the server": it also sends it, as files, while taking posts.');
  console.log('rows stored − 2xx answers = posts committed while autocannon stopped listening (at most one per connection); none answered 2xx is missing.');
  console.log(`The HTTP floor: GET /api/health/live, a route that does nothing, through Next in the same server: ${nextFloor.toFixed(0)} requests/s (${CONNECTIONS} connections, 5 s), ${(1000 / nextFloor).toFixed(2)} ms a request.`);
}

/** Next's own cost per request on these cores: the reason the server answers POST /api/subscribe itself. */
async function nextRouteFloor(dir: string): Promise<number> {
  const server = await startAppServer({ DATABASE_URL: path.join(dir, 'floor.db'), MAIL_DIR: path.join(dir, 'floor-mail') });
  try {
    await autocannon({ url: `${server.url}/api/health/live`, connections: CONNECTIONS, duration: 2 });
    return (await autocannon({ url: `${server.url}/api/health/live`, connections: CONNECTIONS, duration: 5 })).requests.average;
  } finally {
    await server.stop();
  }
}

async function measure(options: { store: string; url: string; held: number; sender: 'server' | 'worker' }): Promise<Run> {
  const store = await openDatabase(options.url);
  try {
    await migrateToLatest(store.db);
    await holdSubscribers(store, options.held);
  } finally {
    await store.close();
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-mail-'));
  const server = await startAppServer({ DATABASE_URL: options.url, MAIL_DIR: dir, SUBSCRIBE_RATE_LIMIT: '0', OUTBOX_SENDER: options.sender });
  let next = 0;
  const body = () => JSON.stringify({ email: `bench-${next++}@example.org`, country: 'mali' });
  let result: autocannon.Result;
  try {
    result = await autocannon({
      url: server.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        {
          method: 'POST',
          path: '/api/subscribe',
          headers: { 'content-type': 'application/json', origin: server.url },
          // The body is set per request here, not with autocannon's id replacement, which sends a wrong Content-Length.
          setupRequest: (request) => ({ ...request, body: body() }),
        },
      ],
    });
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
  const check = await openDatabase(options.url);
  let stored = 0;
  try {
    const row = await check.db.selectFrom('subscribers').select((eb) => eb.fn.countAll<string>().as('count')).where('email', 'like', 'bench-%').executeTakeFirst();
    stored = Number(row?.count ?? 0);
  } finally {
    await check.close();
  }
  return { ...options, perSecond: result['2xx'] / SECONDS, answered: result['2xx'], stored, p99: result.latency.p99 };
}

/** Confirmed subscribers, each with the mail and the unsubscribe token a real one would have. */
async function holdSubscribers({ db }: SubscriberDb, count: number): Promise<void> {
  const at = new Date(Date.now() - 86_400_000).toISOString();
  for (let start = 0; start < count; start += 1_000) {
    const ids = Array.from({ length: Math.min(1_000, count - start) }, () => randomUUID());
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('subscribers')
        .values(ids.map((id, index) => ({ id, email: `held-${start + index}@example.org`, email_key: `held-${start + index}@example.org`, country: 'mali', status: 'confirmed' as const, created_at: at, updated_at: at, confirmed_at: at })))
        .execute();
      await trx.insertInto('outbox').values(ids.map((id) => ({ id: randomUUID(), subscriber_id: id, kind: 'confirm' as const, created_at: at, next_attempt_at: at, sent_at: at }))).execute();
      await trx.insertInto('unsubscribe_tokens').values(ids.map((id) => ({ token_hash: randomUUID(), subscriber_id: id, created_at: at }))).execute();
    });
  }
}

/** The old endpoint's five statements per subscription, bare: prepared once, one transaction each, 5 s. */
async function rawSqliteLoop(file: string): Promise<number> {
  const store = await openDatabase(file);
  await migrateToLatest(store.db);
  if (store.raw.dialect !== 'sqlite') throw new Error('expected SQLite');
  const sqlite = store.raw.sqlite;
  const insert = sqlite.prepare(`insert into subscribers (id, email, email_key, country, status, created_at, updated_at) values (?, ?, ?, 'mali', 'pending', ?, ?) on conflict (email_key) do nothing`);
  const find = sqlite.prepare('select id, status from subscribers where email_key = ?');
  const waiting = sqlite.prepare(`select created_at from outbox where subscriber_id = ? and kind = 'confirm' order by created_at desc limit 1`);
  const update = sqlite.prepare(`update subscribers set status = 'pending', updated_at = ? where id = ?`);
  const queue = sqlite.prepare(`insert into outbox (id, subscriber_id, kind, created_at, next_attempt_at) values (?, ?, 'confirm', ?, ?)`);
  const subscribe = sqlite.transaction((email: string) => {
    const at = new Date().toISOString();
    insert.run(randomUUID(), email, email, at, at);
    const { id } = find.get(email) as { id: string };
    waiting.get(id);
    update.run(at, id);
    queue.run(randomUUID(), id, at, at);
  });
  let count = 0;
  const started = performance.now();
  while (performance.now() - started < 5_000) subscribe(`loop-${count++}@example.org`);
  const perSecond = count / ((performance.now() - started) / 1000);
  await store.close();
  return perSecond;
}
