import { performance } from 'node:perf_hooks';
import { sql, type Kysely, type KyselyPlugin } from 'kysely';
import { openDatabase, pingDatabase, type SubscriberDb } from '../../lib/db/database';
import type { Database } from '../../lib/db/schema';
import { announceEntries, entryKey } from '../../lib/subscriptions/announcements';

/**
 * Child process of the `updates` benchmark, so its peak RSS is its own:
 * `update-mail-enqueue.ts <mode> <store url> <country> <month> [batch size]`, where mode is
 * - idle: opens the store and asks it one question (the memory baseline: Node, tsx, the modules);
 * - announce: `announceEntries` for the entry, in batches (the store already holds its baseline);
 * - single: the same recipients queued by one INSERT … SELECT, one transaction (the time baseline);
 * - announce-heap: announce, with the live JS heap read as every second batch's recipients
 *   arrive, after a forced collection (needs --expose-gc; slower, so its time is not a figure).
 * Every mode loads the same modules. Prints one line of JSON: { ms, queued, maxRssKb, heapStartKb, heapPeakKb }.
 */
async function main(mode: string, url: string, country: string, month: string, batchSize: number): Promise<void> {
  // The single statement queues 100,000 rows at once; the store's default 5 s bound is for one batch.
  const store = await openDatabase(url, mode === 'single' ? { timeoutMs: 120_000 } : {});
  const heap = mode === 'announce-heap' ? heapSampler() : undefined;
  const entries = [{ country, month, notify: true, languages: ['en' as const] }];
  let queued = 0;
  const start = performance.now();
  try {
    if (mode === 'idle') await pingDatabase(store);
    else if (mode === 'announce') queued = (await announceEntries(store, entries, new Date(), { batchSize })).queued;
    else if (mode === 'single') queued = await queueInOneStatement(store.db, country, month, new Date().toISOString());
    else if (heap) queued = (await announceEntries({ ...store, db: store.db.withPlugin(heap.plugin) } satisfies SubscriberDb, entries, new Date(), { batchSize })).queued;
    else throw new Error(`unknown mode ${mode}`);
  } finally {
    await store.close();
  }
  const ms = performance.now() - start;
  // Linux reports maxRSS in kilobytes.
  process.stdout.write(`${JSON.stringify({ ms, queued, maxRssKb: process.resourceUsage().maxRSS, heapStartKb: heap?.startKb, heapPeakKb: heap?.peakKb() })}\n`);
}

/** What a non-batched enqueue costs: the announcer's recipients and rows, without cursor or batches. */
async function queueInOneStatement(db: Kysely<Database>, country: string, month: string, at: string): Promise<number> {
  const key = entryKey(country, month);
  const result = await sql`
    insert into outbox (id, subscriber_id, kind, entry_key, created_at, next_attempt_at)
    select ${'update:' + key + ':'} || subscriptions.subscriber_id, subscriptions.subscriber_id, ${'update'}, ${key}, ${at}, ${at}
    from subscriptions
    inner join subscribers on subscribers.id = subscriptions.subscriber_id
    where subscriptions.country = ${country}
      and subscriptions.created_at <= ${at}
      and subscribers.status = 'confirmed'
      and subscribers.confirmed_at <= ${at}
      and subscribers.undeliverable_at is null
    on conflict do nothing`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Live heap = heapUsed right after a full collection, read as a batch's recipients arrive (a
 * result of more than one row, still referenced), every second batch. A timer would not do: on
 * SQLite the whole enqueue runs without giving the event loop a turn.
 */
function heapSampler(): { plugin: KyselyPlugin; startKb: number; peakKb: () => number } {
  const collect = globalThis.gc;
  if (!collect) throw new Error('announce-heap needs node --expose-gc');
  const live = () => {
    collect();
    return Math.round(process.memoryUsage().heapUsed / 1024);
  };
  const startKb = live();
  let peak = startKb;
  let batches = 0;
  const plugin: KyselyPlugin = {
    transformQuery: ({ node }) => node,
    async transformResult({ result }) {
      if (result.rows.length > 1 && batches++ % 2 === 0) peak = Math.max(peak, live());
      return result;
    },
  };
  return { plugin, startKb, peakKb: () => Math.max(peak, live()) };
}

const [mode, url, country, month, batchSize = '1000'] = process.argv.slice(2);
if (!mode || !url || !country || !month) {
  console.error('usage: update-mail-enqueue.ts <idle|announce|single|announce-heap> <store url> <country> <month> [batch size]');
  process.exit(2);
}
main(mode, url, country, month, Number(batchSize)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
