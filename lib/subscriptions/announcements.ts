import { sql, type Kysely } from 'kysely';
import type { SubscriberDb } from '../db/database';
import type { Database } from '../db/schema';

/** An entry the build published, as the announcer sees it. */
export type PublishedEntry = { country: string; month: string; notify: boolean };

/** `mali/2023-02`: how outbox rows and announcements name an entry. */
export const entryKey = (country: string, month: string) => `${country}/${month}`;

export function parseEntryKey(key: string): { country: string; month: string } | undefined {
  const match = /^([a-z0-9-]+)\/(\d{4}-\d{2})$/.exec(key);
  return match ? { country: match[1]!, month: match[2]! } : undefined;
}

/** Set by the first run ever; before it, every entry is part of the archive that predates update mail. */
export const BASELINE_KEY = 'updates_baseline_at';
const DEFAULT_BATCH = 1_000;

export type AnnounceResult = {
  /** Entries recorded as already published on the first run (never mailed); 0 after that. */
  baseline: number;
  /** Entries announced by this run. */
  announced: string[];
  /** Messages queued by this run (including for announcements an earlier run had started). */
  queued: number;
};

/**
 * Queues one update message per confirmed follower for every published entry that has not been
 * announced, and records it as announced, so it never is again (an editor's later correction of
 * the entry sends nothing). The first run ever records every entry it is given as already
 * published and mails nothing: an archive that predates update mail is not news.
 *
 * Safe to run from several processes at once and to cut short at any point: recipients are
 * walked in id order, a batch per transaction, with the position kept on the announcement; each
 * message's id is derived from the entry and the subscriber, so a batch repeated after a crash
 * inserts nothing twice. Who receives an entry is fixed when its announcement starts: confirmed,
 * deliverable and following the country by then.
 */
export async function announceEntries(store: SubscriberDb, entries: readonly PublishedEntry[], now: Date, options: { batchSize?: number } = {}): Promise<AnnounceResult> {
  const at = now.toISOString();
  const baseline = await recordBaselineOnce(store.db, entries, at);
  // On the first run the baseline has just recorded every entry, so this finds nothing new.
  const announced = await startAnnouncements(store.db, entries, at);
  let queued = 0;
  for (const key of await unfinishedAnnouncements(store.db)) queued += await enqueueAnnouncement(store.db, key, options.batchSize ?? DEFAULT_BATCH);
  return { baseline, announced, queued };
}

/** On the very first run only: every entry there is now counts as announced. */
async function recordBaselineOnce(db: Kysely<Database>, entries: readonly PublishedEntry[], at: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    // The first statement writes, so a second process waits here for this one's commit and then
    // finds the marker (PostgreSQL: the key's lock; SQLite: the write lock).
    const marked = await trx.insertInto('site_state').values({ key: BASELINE_KEY, value: at }).onConflict((conflict) => conflict.doNothing()).executeTakeFirst();
    if (Number(marked.numInsertedOrUpdatedRows ?? 0) === 0) return 0;
    for (let start = 0; start < entries.length; start += 500) {
      const rows = entries.slice(start, start + 500).map((entry) => ({ entry_key: entryKey(entry.country, entry.month), country: entry.country, month: entry.month, state: 'baseline' as const, started_at: at, enqueued_at: at }));
      if (rows.length > 0) await trx.insertInto('announcements').values(rows).onConflict((conflict) => conflict.doNothing()).execute();
    }
    // An empty content tree still marks the baseline, so its first entry is news.
    return entries.length;
  });
}

/** Records each entry never announced (and not held back with `notify: false`) as starting now. */
async function startAnnouncements(db: Kysely<Database>, entries: readonly PublishedEntry[], at: string): Promise<string[]> {
  const known = new Set((await db.selectFrom('announcements').select('entry_key').execute()).map((row) => row.entry_key));
  const fresh = entries.filter((entry) => entry.notify && !known.has(entryKey(entry.country, entry.month)));
  const started: string[] = [];
  for (const entry of fresh) {
    const key = entryKey(entry.country, entry.month);
    const inserted = await db
      .insertInto('announcements')
      .values({ entry_key: key, country: entry.country, month: entry.month, state: 'enqueuing', started_at: at })
      .onConflict((conflict) => conflict.doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) started.push(key);
  }
  return started;
}

async function unfinishedAnnouncements(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('announcements').select('entry_key').where('state', '=', 'enqueuing').orderBy('started_at').orderBy('entry_key').execute()).map((row) => row.entry_key);
}

/** Queues an announcement's messages batch by batch; returns how many this call inserted. */
async function enqueueAnnouncement(db: Kysely<Database>, key: string, batchSize: number): Promise<number> {
  let queued = 0;
  for (;;) {
    const batch = await db.transaction().execute(async (trx) => {
      // Writing first takes the lock (the row on PostgreSQL, the file on SQLite), so two
      // processes queueing the same entry take turns and the second continues from the first's cursor.
      const announcement = await trx
        .updateTable('announcements')
        .set({ state: sql`state` })
        .where('entry_key', '=', key)
        .where('state', '=', 'enqueuing')
        .returning(['country', 'cursor', 'started_at'])
        .executeTakeFirst();
      if (!announcement) return { done: true, inserted: 0 };
      const recipients = trx
        .selectFrom('subscriptions')
        .innerJoin('subscribers', 'subscribers.id', 'subscriptions.subscriber_id')
        .where('subscriptions.country', '=', announcement.country)
        .where('subscriptions.subscriber_id', '>', announcement.cursor)
        // The same bound on the joined table, so PostgreSQL's merge join starts at the cursor
        // instead of scanning every subscriber before it (each batch grew slower without it).
        .where('subscribers.id', '>', announcement.cursor)
        .where('subscriptions.created_at', '<=', announcement.started_at)
        .where('subscribers.status', '=', 'confirmed')
        .where('subscribers.confirmed_at', '<=', announcement.started_at)
        .where('subscribers.undeliverable_at', 'is', null);
      const ids = await recipients.select('subscriptions.subscriber_id').orderBy('subscriptions.subscriber_id').limit(batchSize).execute();
      const last = ids.at(-1)?.subscriber_id;
      let inserted = 0;
      if (last !== undefined) {
        const result = await trx
          .insertInto('outbox')
          .columns(['id', 'subscriber_id', 'kind', 'entry_key', 'created_at', 'next_attempt_at'])
          .expression(
            recipients
              .where('subscriptions.subscriber_id', '<=', last)
              .select((eb) => [
                sql<string>`${'update:' + key + ':'} || ${eb.ref('subscriptions.subscriber_id')}`.as('id'),
                'subscriptions.subscriber_id',
                sql<string>`${'update'}`.as('kind'),
                sql<string>`${key}`.as('entry_key'),
                sql<string>`${announcement.started_at}`.as('created_at'),
                sql<string>`${announcement.started_at}`.as('next_attempt_at'),
              ]),
          )
          .onConflict((conflict) => conflict.doNothing())
          .executeTakeFirst();
        inserted = Number(result.numInsertedOrUpdatedRows ?? 0);
      }
      const done = ids.length < batchSize;
      await trx
        .updateTable('announcements')
        .set(done ? { state: 'enqueued', enqueued_at: new Date().toISOString(), cursor: last ?? announcement.cursor } : { cursor: last! })
        .where('entry_key', '=', key)
        .execute();
      return { done, inserted };
    });
    queued += batch.inserted;
    if (batch.done) return queued;
    // better-sqlite3 is synchronous: without a turn for the event loop between batches, a server
    // announcing to 100,000 followers would answer nobody for a second.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
