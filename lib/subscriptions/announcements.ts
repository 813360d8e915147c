import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { SubscriberDb } from '../db/database';
import type { Database } from '../db/schema';
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from '../i18n/locales';

/** An entry the build published, as the announcer sees it: with the languages its text exists in there (English always). */
export type PublishedEntry = { country: string; month: string; notify: boolean; languages: readonly Locale[] };

/** `mali/2023-02`: how an entry is named, and the id of the one update message a subscriber gets for it. */
export const entryKey = (country: string, month: string) => `${country}/${month}`;

/** An edition of an entry: `mali/2023-02` for the English text, `mali/2023-02@fr` for the French one (see migration 004). */
export const editionKey = (country: string, month: string, locale: Locale) => (locale === DEFAULT_LOCALE ? entryKey(country, month) : `${entryKey(country, month)}@${locale}`);

/** An entry or edition key; the locale is the edition's (English without a suffix). */
export function parseEntryKey(key: string): { country: string; month: string; locale: Locale } | undefined {
  const match = /^([a-z0-9-]+)\/(\d{4}-\d{2})(?:@([a-z]{2}))?$/.exec(key);
  const locale = match?.[3] ?? DEFAULT_LOCALE;
  return match && isLocale(locale) ? { country: match[1]!, month: match[2]!, locale } : undefined;
}

/** The editions the build holds of an entry: English, then each translation it has. */
export const editionsOf = (entry: PublishedEntry): Locale[] => LOCALES.filter((locale) => locale === DEFAULT_LOCALE || entry.languages.includes(locale));

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
 * Queues one update message per confirmed follower for every published edition that has not been
 * announced, and records it as announced, so it never is again (an editor's later correction of
 * the entry sends nothing). The first run ever records both editions of every entry it is given
 * as already published and mails nothing: an archive that predates update mail is not news.
 *
 * Each edition announces its own text's publication to its own readers: the English edition to
 * English subscribers, and to subscribers of another language who asked for English texts not
 * yet translated when the build had no text in theirs; a translation's edition (with the entry
 * or in a later build) to that language's subscribers. Both editions queue the message under
 * the entry's id, so whoever the first one queued is not queued again by the second: nobody gets
 * an entry twice. The message's language is chosen when it is sent (outbox.ts).
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
    // Every language's edition, translated yet or not: a translation of an archive month is not news either.
    const rows = entries.flatMap((entry) =>
      LOCALES.map((locale) => ({ entry_key: editionKey(entry.country, entry.month, locale), country: entry.country, month: entry.month, state: 'baseline' as const, started_at: at, enqueued_at: at, locale, languages: editionsOf(entry).join(',') })),
    );
    for (let start = 0; start < rows.length; start += 500) {
      await trx.insertInto('announcements').values(rows.slice(start, start + 500)).onConflict((conflict) => conflict.doNothing()).execute();
    }
    // An empty content tree still marks the baseline, so its first entry is news.
    return entries.length;
  });
}

/** Records each edition never announced (of an entry not held back with `notify: false`) as starting now. */
async function startAnnouncements(db: Kysely<Database>, entries: readonly PublishedEntry[], at: string): Promise<string[]> {
  const known = new Set((await db.selectFrom('announcements').select('entry_key').execute()).map((row) => row.entry_key));
  const fresh = entries.filter((entry) => entry.notify).flatMap((entry) => editionsOf(entry).map((locale) => ({ entry, locale, key: editionKey(entry.country, entry.month, locale) })));
  const started: string[] = [];
  for (const { entry, locale, key } of fresh.filter((edition) => !known.has(edition.key))) {
    const inserted = await db
      .insertInto('announcements')
      .values({ entry_key: key, country: entry.country, month: entry.month, state: 'enqueuing', started_at: at, locale, languages: editionsOf(entry).join(',') })
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
        .returning(['country', 'month', 'cursor', 'started_at', 'locale', 'languages'])
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
        .where('subscribers.undeliverable_at', 'is', null)
        .where((eb) => readersOfEdition(eb, announcement.locale, announcement.languages.split(',')));
      const ids = await recipients.select('subscriptions.subscriber_id').orderBy('subscriptions.subscriber_id').limit(batchSize).execute();
      const last = ids.at(-1)?.subscriber_id;
      let inserted = 0;
      // The entry's id, whichever edition queues it: a second edition's insert for someone already queued is a no-op.
      const id = `update:${entryKey(announcement.country, announcement.month)}:`;
      if (last !== undefined) {
        const result = await trx
          .insertInto('outbox')
          .columns(['id', 'subscriber_id', 'kind', 'entry_key', 'created_at', 'next_attempt_at'])
          .expression(
            recipients
              .where('subscriptions.subscriber_id', '<=', last)
              .select((eb) => [
                sql<string>`${id} || ${eb.ref('subscriptions.subscriber_id')}`.as('id'),
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

/**
 * Who an edition is for: a translation's, the subscribers of its language; the English one, English
 * subscribers and those of a language the build had no text in who asked for English texts.
 */
function readersOfEdition(eb: ExpressionBuilder<Database, 'subscribers' | 'subscriptions'>, locale: Locale, languages: readonly string[]) {
  if (locale !== DEFAULT_LOCALE) return eb('subscribers.locale', '=', locale);
  return eb.or([eb('subscribers.locale', '=', DEFAULT_LOCALE), eb.and([eb('subscribers.untranslated_fallback', '=', 1), eb('subscribers.locale', 'not in', [...languages].filter(isLocale))])]);
}
