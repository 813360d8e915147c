import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { postgresUnavailableReason, startPostgresCluster, type PostgresCluster } from '../support/deployment/postgres-cluster';
import { loadContent } from '../../lib/content/load-content';
import { migrateToLatest, openDatabase, type SubscriberDb } from '../../lib/db/database';
import { createSmtpTransport, type MailTransport } from '../../lib/mail/mail-transport';
import { updateMessage } from '../../lib/mail/update-message';
import { announceEntries, entryKey } from '../../lib/subscriptions/announcements';
import { drainOutbox, type OutboxSettings, type UpdateContent } from '../../lib/subscriptions/outbox';
import { newToken } from '../../lib/subscriptions/tokens';
import { writeFictionalTree } from '../fixtures/fictional-tree';
import { startSmtpSink } from '../support/smtp-sink';
import { formatTable, ratio } from './format-table';

const run = promisify(execFile);
const ENQUEUE = path.join(import.meta.dirname, 'update-mail-enqueue.ts');

/** Followers of the announced country on the enqueue stores. */
const FOLLOWERS = 100_000;
/** Followers on the send stores: messages drained to the SMTP sink. */
const SENT = 10_000;
/** announceEntries' default batch, passed explicitly so the table says what it measured. */
const BATCH = 1_000;
/** Rows generated per transaction while filling a store (set-up, not measured). */
const FILL_CHUNK = 25_000;
/** Months in the fictional tree; the last one is announced. */
const MONTHS = 12;
const SITE = { siteUrl: 'https://briefings.example.org', siteName: 'Crisis briefings (benchmark)', from: 'updates@example.org' };

type ChildResult = { ms: number; queued: number; maxRssKb: number; heapStartKb?: number; heapPeakKb?: number };
type Figure = { step: string; rows?: number; ms?: number; baselineMs?: number; rssKb?: number; idleRssKb?: number; heap?: string; check?: string };
type Figures = { enqueue: Figure[]; send: Figure[] };

/** How a store is made: a fresh empty database by name, and a copy of one. */
type StoreKind = { name: string; create: (name: string) => Promise<string>; copy: (from: string, name: string) => Promise<string> };

/**
 * `npm run bench -- updates`: the cost of update mail for a country with 100,000 confirmed
 * followers, generated here in bulk SQL (never through the endpoint), on SQLite and PostgreSQL.
 * - Enqueueing one entry's mails with announceEntries (batches of 1,000, a transaction each),
 *   read against one INSERT … SELECT of the same rows in one transaction on an identical copy of
 *   the store. Each runs in a child process, whose peak RSS is read against a child that only
 *   opens the store; a third copy is enqueued again with the live JS heap read every second batch
 *   (RSS also counts garbage not yet collected), and the 10,000-follower store's enqueue is beside it.
 * - 10,000 queued messages drained to a local SMTP sink, rate limit off, read against the same
 *   transport sending one prebuilt message 10,000 times just before.
 */
export async function updateMailBench(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-updates-'));
  const figures: Figures = { enqueue: [], send: [] };
  let cluster: PostgresCluster | undefined;
  const skipped = postgresUnavailableReason();
  try {
    const contentDir = path.join(dir, 'content');
    await writeFictionalTree(contentDir, MONTHS);
    const [country] = (await loadContent(contentDir)).countries;
    const entry = country?.entries.at(-1);
    if (!country || !entry) throw new Error('the fictional tree did not load');
    const content: UpdateContent = { country, entry };

    const sqlite: StoreKind = {
      name: 'SQLite',
      create: async (name) => path.join(dir, `${name}.db`),
      copy: (from, name) => copySqlite(from, path.join(dir, `${name}.db`)),
    };
    await measureStore(sqlite, content, figures);
    if (!skipped) {
      const started = await startPostgresCluster();
      cluster = started;
      const postgres: StoreKind = { name: 'PostgreSQL', create: (name) => started.createDatabase(name), copy: (from, name) => copyPostgres(started, from, name) };
      await measureStore(postgres, content, figures);
    }
  } finally {
    await cluster?.destroy();
    await rm(dir, { recursive: true, force: true });
  }
  print(figures, skipped);
}

async function measureStore(kind: StoreKind, content: UpdateContent, figures: Figures): Promise<void> {
  const enqueued = await enqueueFigures(kind, content);
  figures.enqueue.push(...enqueued);
  const { enqueue, send } = await sendFigures(kind, content, enqueued[0]?.rssKb);
  figures.enqueue.push(enqueue);
  figures.send.push(...send);
}

function print(figures: Figures, skipped: string | undefined): void {
  const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MB`;
  const row = (figure: Figure) => [
    figure.step,
    figure.rows === undefined ? '' : figure.rows.toLocaleString('en-GB'),
    figure.ms === undefined ? '' : (figure.ms / 1000).toFixed(2),
    figure.ms === undefined || figure.rows === undefined ? '' : (figure.rows / (figure.ms / 1000)).toFixed(0),
    figure.ms === undefined || figure.baselineMs === undefined ? '' : ratio(figure.ms, figure.baselineMs),
    figure.rssKb === undefined ? '' : mb(figure.rssKb),
    figure.rssKb === undefined || figure.idleRssKb === undefined ? '' : `${figure.rssKb >= figure.idleRssKb ? '+' : '-'}${mb(Math.abs(figure.rssKb - figure.idleRssKb))}`,
    figure.heap ?? '',
    figure.check ?? '',
  ];
  console.log(
    `Update mail: queue one entry's messages for ${FOLLOWERS.toLocaleString('en-GB')} confirmed followers (each step in a child process of its own), then send ${SENT.toLocaleString('en-GB')} queued messages to a local SMTP sink (smtp-server, not parsing), pooled SMTP (5 connections), rate limit off`,
  );
  console.log(formatTable(['step', 'rows', 'seconds', 'rows/s', 'time vs baseline', 'peak RSS', 'RSS vs idle', 'live JS heap', 'check'], [...figures.enqueue, ...figures.send].map(row)));
  if (skipped) console.log(`PostgreSQL rows skipped: ${skipped}`);
  console.log('Enqueue baseline: the same recipients and rows in one INSERT … SELECT, one transaction, on a copy of the same store. Send baseline: the transport alone sending one prebuilt update message, 5 at once, no store, just before the drain.');
  console.log('peak RSS: the child\'s maxRSS; on PostgreSQL the Node client\'s only (the server works in its own processes). live JS heap: heapUsed after a forced full collection, before the enqueue → its peak, read as every second batch\'s recipients arrive.');
  console.log('check: update rows in the outbox afterwards; rows marked sent / messages the sink accepted.');
  console.log('Both stores durable: SQLite in WAL with synchronous=FULL; PostgreSQL with fsync on, a temporary cluster of its own, ANALYZEd after the bulk fill.');
}

/** Fills a seed store, copies it twice, and times both ways of enqueueing, and an idle child, on the copies. */
async function enqueueFigures(kind: StoreKind, { country, entry }: UpdateContent): Promise<Figure[]> {
  const seed = await seedStore(kind, 'enqueue_seed', country.slug, FOLLOWERS);
  const batched = await kind.copy(seed, 'enqueue_batched');
  const single = await kind.copy(seed, 'enqueue_single');
  const sampled = await kind.copy(seed, 'enqueue_heap');
  const idle = await runChild('idle', batched, country.slug, entry.month);
  const baseline = await runChild('single', single, country.slug, entry.month);
  const announced = await runChild('announce', batched, country.slug, entry.month);
  const heap = await runChild('announce-heap', sampled, country.slug, entry.month);
  const mb = (kb = Number.NaN) => (kb / 1024).toFixed(1);
  return [
    { step: `${kind.name}: idle child, opens the store only (RSS baseline)`, rssKb: idle.maxRssKb },
    {
      step: `${kind.name}: queue in one INSERT … SELECT (baseline)`,
      rows: baseline.queued,
      ms: baseline.ms,
      baselineMs: baseline.ms,
      rssKb: baseline.maxRssKb,
      idleRssKb: idle.maxRssKb,
      check: await queuedIn(single),
    },
    {
      step: `${kind.name}: announceEntries, batches of ${BATCH.toLocaleString('en-GB')}`,
      rows: announced.queued,
      ms: announced.ms,
      baselineMs: baseline.ms,
      rssKb: announced.maxRssKb,
      idleRssKb: idle.maxRssKb,
      check: await queuedIn(batched),
    },
    {
      step: `${kind.name}: the same on a third copy, forced GC every 2 batches`,
      rows: heap.queued,
      heap: `${mb(heap.heapStartKb)} → ${mb(heap.heapPeakKb)} MB`,
      check: await queuedIn(sampled),
    },
  ];
}

/**
 * SENT followers, their entry announced in a child (its peak RSS is the 10,000-follower figure),
 * then the transport alone (the baseline) and drainOutbox, each to a fresh sink.
 */
async function sendFigures(kind: StoreKind, content: UpdateContent, idleRssKb: number | undefined): Promise<{ enqueue: Figure; send: Figure[] }> {
  const url = await seedStore(kind, 'send', content.country.slug, SENT);
  const announced = await runChild('announce', url, content.country.slug, content.entry.month);
  if (announced.queued !== SENT) throw new Error(`expected ${SENT} messages queued, got ${announced.queued}`);
  const enqueue: Figure = {
    step: `${kind.name}: announceEntries, ${SENT.toLocaleString('en-GB')} followers (the send store)`,
    rows: announced.queued,
    ms: announced.ms,
    rssKb: announced.maxRssKb,
    idleRssKb,
    check: await queuedIn(url),
  };
  const direct = await sendDirectly(content);
  const store = await openDatabase(url);
  const sink = await startSmtpSink({ parse: false });
  let transport: MailTransport | undefined;
  try {
    transport = createSmtpTransport(sink.url);
    const key = entryKey(content.country.slug, content.entry.month);
    const settings: OutboxSettings = { ...SITE, confirmTtlHours: 48, ratePerSecond: 0, updateContent: async (asked) => (asked === key ? content : undefined) };
    const start = performance.now();
    const result = await drainOutbox(store, transport, settings);
    const ms = performance.now() - start;
    const other = result.failed + result.skipped + result.undeliverable;
    return {
      enqueue,
      send: [
        { step: `${kind.name}: send, transport alone (baseline)`, rows: SENT, ms: direct.ms, baselineMs: direct.ms, check: `${direct.accepted.toLocaleString('en-GB')} accepted` },
        {
          step: `${kind.name}: send, drainOutbox`,
          rows: result.sent,
          ms,
          baselineMs: direct.ms,
          check: `${(await countSent(store)).toLocaleString('en-GB')} sent / ${sink.count().toLocaleString('en-GB')} accepted${other > 0 ? `; ${result.failed} failed, ${result.skipped} skipped, ${result.undeliverable} undeliverable` : ''}`,
        },
      ],
    };
  } finally {
    transport?.close();
    await sink.close();
    await store.close();
  }
}

/** The send baseline: one prebuilt message SENT times, as many at once as drainOutbox sends. */
async function sendDirectly({ country, entry }: UpdateContent): Promise<{ ms: number; accepted: number }> {
  const sink = await startSmtpSink({ parse: false });
  const transport = createSmtpTransport(sink.url);
  try {
    const message = updateMessage({ ...SITE, to: 'follower-0@example.org', country, entry, manageToken: newToken(), locale: 'en' });
    let next = 0;
    const lane = async () => {
      while (next < SENT) {
        next += 1;
        await transport.send(message);
      }
    };
    const start = performance.now();
    await Promise.all(Array.from({ length: transport.concurrency }, lane));
    return { ms: performance.now() - start, accepted: sink.count() };
  } finally {
    transport.close();
    await sink.close();
  }
}

/** A migrated store with `count` followers of `country` whose archive baseline is recorded, so the next entry is news. */
async function seedStore(kind: StoreKind, name: string, country: string, count: number): Promise<string> {
  const url = await kind.create(name);
  const store = await openDatabase(url, { timeoutMs: 120_000 });
  try {
    await migrateToLatest(store.db);
    await fillFollowers(store, country, count);
    await announceEntries(store, [], new Date());
  } finally {
    await store.close();
  }
  return url;
}

/**
 * `count` confirmed subscribers following `country`, made by the store itself from a number
 * series (a recursive CTE on SQLite, generate_series on PostgreSQL), FILL_CHUNK rows a
 * transaction, confirmed a day ago. Ids are shaped like UUIDs and scrambled (an odd multiplier
 * mod 2^32), so id order, which the announcer walks, is not insertion order; both stores get the same ids.
 */
async function fillFollowers(store: SubscriberDb, country: string, count: number): Promise<void> {
  const at = new Date(Date.now() - 86_400_000).toISOString();
  const postgres = store.dialect === 'postgres';
  const id = postgres
    ? sql`lpad(to_hex((s.i * 2654435761) % 4294967296), 8, '0') || '-0000-4000-8000-' || lpad(s.i::text, 12, '0')`
    : sql`printf('%08x-0000-4000-8000-%012d', (s.i * 2654435761) % 4294967296, s.i)`;
  for (let first = 0; first < count; first += FILL_CHUNK) {
    const last = Math.min(count, first + FILL_CHUNK) - 1;
    const series = postgres
      ? sql`(select generate_series(${first}::bigint, ${last}::bigint) as i) as s`
      : sql`(with recursive n(i) as (select cast(${first} as integer) union all select i + 1 from n where i < cast(${last} as integer)) select i from n) as s`;
    await store.db.transaction().execute(async (trx) => {
      await sql`insert into subscribers (id, email, email_key, status, created_at, updated_at, confirmed_at)
        select ${id}, 'follower-' || s.i || '@example.org', 'follower-' || s.i || '@example.org', 'confirmed', ${at}, ${at}, ${at} from ${series}`.execute(trx);
      await sql`insert into subscriptions (country, subscriber_id, created_at) select ${country}, ${id}, ${at} from ${series}`.execute(trx);
    });
  }
  // A production table has been analysed by autovacuum long before it holds this many rows.
  if (postgres) await sql`analyze`.execute(store.db);
}

async function runChild(mode: 'idle' | 'single' | 'announce' | 'announce-heap', url: string, country: string, month: string): Promise<ChildResult> {
  const flags = mode === 'announce-heap' ? ['--expose-gc'] : [];
  const { stdout } = await run(process.execPath, [...flags, '--import', 'tsx', ENQUEUE, mode, url, country, month, String(BATCH)]);
  const parsed: unknown = JSON.parse(stdout.trim().split('\n').at(-1) ?? '');
  if (
    typeof parsed === 'object' && parsed !== null &&
    'ms' in parsed && typeof parsed.ms === 'number' &&
    'queued' in parsed && typeof parsed.queued === 'number' &&
    'maxRssKb' in parsed && typeof parsed.maxRssKb === 'number'
  ) {
    const optional = (value: unknown) => (typeof value === 'number' ? value : undefined);
    return {
      ms: parsed.ms,
      queued: parsed.queued,
      maxRssKb: parsed.maxRssKb,
      heapStartKb: optional('heapStartKb' in parsed ? parsed.heapStartKb : undefined),
      heapPeakKb: optional('heapPeakKb' in parsed ? parsed.heapPeakKb : undefined),
    };
  }
  throw new Error(`update-mail-enqueue.ts printed something unexpected: ${stdout.slice(0, 200)}`);
}

/** A page-for-page copy (VACUUM INTO), so both ways of enqueueing start from the same file. */
async function copySqlite(from: string, to: string): Promise<string> {
  const store = await openDatabase(from);
  try {
    if (store.raw.dialect !== 'sqlite') throw new Error('expected SQLite');
    store.raw.sqlite.prepare('vacuum into ?').run(to);
  } finally {
    await store.close();
  }
  return to;
}

/** CREATE DATABASE … TEMPLATE: the same tables, rows and statistics (nobody may be connected to the seed). */
async function copyPostgres(cluster: PostgresCluster, from: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  try {
    await client.query(`create database ${name} template ${new URL(from).pathname.slice(1)}`);
  } finally {
    await client.end();
  }
  return cluster.databaseUrl(name);
}

async function queuedIn(url: string): Promise<string> {
  const store = await openDatabase(url);
  try {
    const row = await store.db.selectFrom('outbox').select((eb) => eb.fn.countAll<string>().as('count')).where('kind', '=', 'update').executeTakeFirst();
    return `${Number(row?.count ?? 0).toLocaleString('en-GB')} queued`;
  } finally {
    await store.close();
  }
}

async function countSent({ db }: SubscriberDb): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('kind', '=', 'update')
    .where('sent_at', 'is not', null)
    .where('last_error', 'is', null)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}
