import { sql } from 'kysely';
import type { SubscriberDb } from '../db/database';
import type { AnnouncementState } from '../db/schema';
import { DEFAULT_LOCALE } from '../i18n/locales';
import { BASELINE_KEY, editionKey, editionsOf, type PublishedEntry } from './announcements';

export type EntryMailStatus = {
  entry: string;
  state: AnnouncementState | 'not announced yet' | 'held (notify: false)' | 'archive (first start records it, mails nothing)';
  startedAt?: string;
  /** Waiting for their first attempt. */
  queued: number;
  /** Failed at least once (temporary); tried again with backoff. */
  retrying: number;
  sent: number;
  /** Not sent because the subscriber left or the entry was withdrawn before its turn. */
  skipped: number;
  /** Refused for good (5xx): the address is marked undeliverable. */
  failed: number;
};

/** A subscriber who follows no country and so is sent no update mail (signed up on the Subscribe page before it offered countries). */
export type FollowingNothing = { email: string; status: 'pending' | 'confirmed'; since: string };

export type UpdateStatus = {
  /** Each edition (`mali/2023-02`, `mali/2023-02@fr`), newest started first; entries recorded by the first run are counted in `baseline`, not listed. */
  entries: EntryMailStatus[];
  baseline: number;
  undeliverable: number;
  /** Oldest first. Those who unsubscribed follow nothing by choice and are not listed. */
  followingNothing: FollowingNothing[];
};

/**
 * What the update mail has done, per entry, for `npm run updates -- status`. `published` (the
 * build's entries) adds the ones not announced yet and the ones held back.
 */
export async function getUpdateStatus({ db }: SubscriberDb, published: readonly PublishedEntry[] = []): Promise<UpdateStatus> {
  const announcements = await db.selectFrom('announcements').select(['entry_key', 'state', 'started_at', 'locale']).orderBy('started_at', 'desc').orderBy('entry_key').execute();
  const counts = await db
    .selectFrom('outbox')
    .select((eb) => [
      'entry_key',
      sql<number>`count(case when sent_at is null and failed_at is null and last_error is null then 1 end)`.as('queued'),
      sql<number>`count(case when sent_at is null and failed_at is null and last_error is not null then 1 end)`.as('retrying'),
      sql<number>`count(case when sent_at is not null and last_error is null then 1 end)`.as('sent'),
      sql<number>`count(case when sent_at is not null and last_error like 'skipped:%' then 1 end)`.as('skipped'),
      sql<number>`count(case when failed_at is not null then 1 end)`.as('failed'),
      eb.fn.countAll<number>().as('total'),
    ])
    .where('kind', '=', 'update')
    .groupBy('entry_key')
    .execute();
  const byEntry = new Map(counts.map((row) => [row.entry_key, row]));
  const zero = { queued: 0, retrying: 0, sent: 0, skipped: 0, failed: 0 };
  const entries: EntryMailStatus[] = [];
  const known = new Set<string>();
  let baseline = 0;
  for (const announcement of announcements) {
    known.add(announcement.entry_key);
    if (announcement.state === 'baseline') {
      // Entries, not editions: the first run records every language's edition of each.
      if (announcement.locale === DEFAULT_LOCALE) baseline += 1;
      continue;
    }
    const row = byEntry.get(announcement.entry_key);
    entries.push({
      entry: announcement.entry_key,
      state: announcement.state,
      startedAt: announcement.started_at,
      ...(row ? { queued: Number(row.queued), retrying: Number(row.retrying), sent: Number(row.sent), skipped: Number(row.skipped), failed: Number(row.failed) } : zero),
    });
  }
  const started = (await db.selectFrom('site_state').select('value').where('key', '=', BASELINE_KEY).executeTakeFirst()) !== undefined;
  const waiting = published.flatMap((entry) => editionsOf(entry).map((locale) => ({ entry, key: editionKey(entry.country, entry.month, locale) }))).filter(({ key }) => !known.has(key));
  const stateOf = (entry: PublishedEntry): EntryMailStatus['state'] =>
    !started ? 'archive (first start records it, mails nothing)' : entry.notify ? 'not announced yet' : 'held (notify: false)';
  entries.unshift(...waiting.map(({ entry, key }) => ({ entry: key, state: stateOf(entry), ...zero })));
  const undeliverable = await db.selectFrom('subscribers').select((eb) => eb.fn.countAll<number>().as('count')).where('undeliverable_at', 'is not', null).executeTakeFirstOrThrow();
  return { entries, baseline, undeliverable: Number(undeliverable.count), followingNothing: await listFollowingNothing(db) };
}

async function listFollowingNothing(db: SubscriberDb['db']): Promise<FollowingNothing[]> {
  const rows = await db
    .selectFrom('subscribers')
    .select(['email', 'status', 'created_at', 'confirmed_at'])
    .where('status', 'in', ['pending', 'confirmed'])
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('subscriptions').select('country').whereRef('subscriptions.subscriber_id', '=', 'subscribers.id'))))
    .orderBy('created_at')
    .orderBy('email')
    .execute();
  return rows.map((row) => ({ email: row.email, status: row.status === 'confirmed' ? 'confirmed' : 'pending', since: row.confirmed_at ?? row.created_at }));
}
