import { sql, type Kysely } from 'kysely';
import type { SubscriberDb } from '../db/database';
import type { Database, SubscriberStatus } from '../db/schema';
import type { Locale } from '../i18n/locales';
import { hashToken, isWellFormedToken, newId } from './tokens';

/** How long after a confirmation was asked for another one may be mailed to the same address. */
const RESEND_AFTER_MS = 10 * 60 * 1000;

/**
 * An address, the countries it asks to follow (the endpoint refuses a request for none) and the
 * language of the form it was posted from: the latest form's language wins, as a reader who
 * subscribes again from the French pages expects French mail. Without one (a script's JSON), a
 * new address is English and a known one keeps its language.
 */
export type SubscriptionRequest = { email: string; countries?: readonly string[]; locale?: Locale };

/**
 * Records a request to subscribe and, where a confirmation should be mailed, queues it in the
 * outbox in the same transaction: the caller acknowledges only after this resolves, so nothing
 * acknowledged is lost, and the mail cannot be lost either. Concurrent requests for one address
 * end as one row (the unique email_key). The caller's answer is the same whatever happened here.
 */
export async function requestSubscription(store: SubscriberDb, request: SubscriptionRequest, now: Date): Promise<{ queued: boolean }> {
  const [result] = await requestSubscriptions(store, [request], now);
  if (!result) throw new Error('requestSubscriptions returned no result');
  return result;
}

/**
 * Several requests in one transaction, so one commit (one fsync) serves them all: the server
 * groups the subscriptions that arrive while the previous group commits. Addresses are written
 * in one order, so two instances writing overlapping groups on PostgreSQL never deadlock.
 * Results come back in the order of `requests`.
 */
export async function requestSubscriptions({ db }: SubscriberDb, requests: readonly SubscriptionRequest[], now: Date): Promise<{ queued: boolean }[]> {
  const at = now.toISOString();
  const resendAfter = new Date(now.getTime() - RESEND_AFTER_MS).toISOString();
  const order = requests.map((_, index) => index).sort((a, b) => compare(emailKeyOf(requests[a]!), emailKeyOf(requests[b]!)));
  return db.transaction().execute(async (trx) => {
    const results: { queued: boolean }[] = [];
    for (const index of order) results[index] = await recordRequest(trx, requests[index]!, at, resendAfter);
    return results;
  });
}

const emailKeyOf = (request: SubscriptionRequest) => request.email.toLowerCase();
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The same statements whatever the address's state, so the time taken does not tell a confirmed
 * address from a new one. The upsert always writes: on PostgreSQL it locks the address's row
 * until the commit, so concurrent requests for one address take turns and the second sees the
 * first's outbox row; on SQLite the write lock is taken at the first statement. The countries
 * are followed at once, in one statement: a confirmed address gets them without a second
 * confirmation, anyone else once they confirm (the confirmation names them all).
 */
async function recordRequest(trx: Kysely<Database>, request: SubscriptionRequest, at: string, resendAfter: string): Promise<{ queued: boolean }> {
  const countries = [...new Set(request.countries ?? [])];
  const subscriber = await trx
    .insertInto('subscribers')
    .values({ id: newId(), email: request.email, email_key: emailKeyOf(request), country: countries[0] ?? null, status: 'pending', created_at: at, updated_at: at, ...(request.locale && { locale: request.locale }) })
    .onConflict((conflict) =>
      conflict.column('email_key').doUpdateSet({
        updated_at: at,
        ...(request.locale && { locale: request.locale }),
        // A confirmed, deliverable subscriber stays as they are; anyone else is pending again
        // (an address that bounced must prove it works before it is mailed again).
        status: sql<SubscriberStatus>`case when subscribers.status = 'confirmed' and subscribers.undeliverable_at is null then 'confirmed' else 'pending' end`,
      }),
    )
    .returning(['id', 'status'])
    .executeTakeFirstOrThrow();
  if (countries.length > 0) {
    await trx
      .insertInto('subscriptions')
      .values(countries.map((country) => ({ country, subscriber_id: subscriber.id, created_at: at })))
      .onConflict((conflict) => conflict.doNothing())
      .execute();
  }
  const wanted = subscriber.status === 'confirmed' ? 0 : 1;
  // Queued unless confirmed or a confirmation was queued in the last RESEND_AFTER_MS.
  const inserted = await sql`
    insert into outbox (id, subscriber_id, kind, created_at, next_attempt_at)
    select ${newId()}, ${subscriber.id}, 'confirm', ${at}, ${at}
    where ${wanted} = 1 and not exists (
      select 1 from outbox where subscriber_id = ${subscriber.id} and kind = 'confirm' and created_at > ${resendAfter}
    )`.execute(trx);
  return { queued: Number(inserted.numAffectedRows ?? 0) > 0 };
}

/** Records a confirmation token mailed to a pending subscriber; only its hash is kept. */
export async function addConfirmToken(trx: Kysely<Database>, subscriberId: string, token: string, now: Date, ttlHours: number): Promise<void> {
  await trx
    .insertInto('confirm_tokens')
    .values({ token_hash: hashToken(token), subscriber_id: subscriberId, expires_at: new Date(now.getTime() + ttlHours * 3_600_000).toISOString(), created_at: now.toISOString() })
    .execute();
}

/** Records an unsubscribe token mailed in one message; every one ever sent keeps working. */
export async function addUnsubscribeToken(trx: Kysely<Database>, subscriberId: string, token: string, now: Date): Promise<void> {
  await addUnsubscribeTokens(trx, [{ subscriberId, token }], now);
}

/** The same for a batch of messages, in one statement. */
export async function addUnsubscribeTokens(trx: Kysely<Database>, tokens: readonly { subscriberId: string; token: string }[], now: Date): Promise<void> {
  if (tokens.length === 0) return;
  const at = now.toISOString();
  await trx.insertInto('unsubscribe_tokens').values(tokens.map(({ subscriberId, token }) => ({ token_hash: hashToken(token), subscriber_id: subscriberId, created_at: at }))).execute();
}

export type ConfirmationState = 'valid' | 'expired' | 'invalid';

/** What a confirmation link leads to, without using it up (the page shows this before the POST). */
export async function checkConfirmation({ db }: SubscriberDb, token: unknown, now: Date): Promise<ConfirmationState> {
  if (!isWellFormedToken(token)) return 'invalid';
  const row = await db
    .selectFrom('confirm_tokens')
    .innerJoin('subscribers', 'subscribers.id', 'confirm_tokens.subscriber_id')
    .select(['subscribers.status', 'confirm_tokens.expires_at'])
    .where('confirm_tokens.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.status !== 'pending') return 'invalid';
  return row.expires_at > now.toISOString() ? 'valid' : 'expired';
}

/** Confirmed: with the countries the address now follows (slugs, in alphabetical order). */
export type ConfirmResult = { state: 'confirmed'; countries: string[] } | { state: 'expired' } | { state: 'invalid' };

/**
 * Confirms once: any link that was mailed and has not expired confirms, and confirming uses up
 * every link the subscriber was sent.
 */
export async function confirmSubscription(store: SubscriberDb, token: unknown, now: Date): Promise<ConfirmResult> {
  if (!isWellFormedToken(token)) return { state: 'invalid' };
  const at = now.toISOString();
  const confirmed = await store.db.transaction().execute(async (trx) => {
    const used = await trx
      .deleteFrom('confirm_tokens')
      .where('token_hash', '=', hashToken(token))
      .where('expires_at', '>', at)
      .returning('subscriber_id')
      .executeTakeFirst();
    if (!used) return undefined;
    const result = await trx
      .updateTable('subscribers')
      // Confirming proves the address takes mail again, if it had bounced.
      .set({ status: 'confirmed', confirmed_at: at, updated_at: at, undeliverable_at: null, undeliverable_reason: null })
      .where('id', '=', used.subscriber_id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    await trx.deleteFrom('confirm_tokens').where('subscriber_id', '=', used.subscriber_id).execute();
    return result.numUpdatedRows > 0n ? await countriesFollowedBy(trx, used.subscriber_id) : undefined;
  });
  if (confirmed) return { state: 'confirmed', countries: confirmed };
  // Tell an expired link from a used or unknown one, so the page can say which.
  return { state: (await checkConfirmation(store, token, now)) === 'expired' ? 'expired' : 'invalid' };
}

/**
 * The countries a confirmation link would confirm (the confirm page names them), or none for a
 * link that is not one. Reads only: opening the link changes nothing.
 */
export async function countriesToConfirm({ db }: SubscriberDb, token: unknown): Promise<string[]> {
  if (!isWellFormedToken(token)) return [];
  const row = await db.selectFrom('confirm_tokens').select('subscriber_id').where('token_hash', '=', hashToken(token)).executeTakeFirst();
  return row ? countriesFollowedBy(db, row.subscriber_id) : [];
}

/** The slugs of the countries a subscriber follows, in alphabetical order. */
export async function countriesFollowedBy(db: Kysely<Database>, subscriberId: string): Promise<string[]> {
  const rows = await db.selectFrom('subscriptions').select('country').where('subscriber_id', '=', subscriberId).orderBy('country').execute();
  return rows.map((row) => row.country);
}

export type UnsubscribeState = 'valid' | 'invalid';

/**
 * Whose unsubscribe token this is, if any. The same token opens the preferences page: both
 * links are in one message, so whoever holds one holds the other.
 */
export async function ownerOfUnsubscribeToken({ db }: SubscriberDb, token: unknown): Promise<string | undefined> {
  if (!isWellFormedToken(token)) return undefined;
  const row = await db.selectFrom('unsubscribe_tokens').select('subscriber_id').where('token_hash', '=', hashToken(token)).executeTakeFirst();
  return row?.subscriber_id;
}

export async function checkUnsubscribe(store: SubscriberDb, token: unknown): Promise<UnsubscribeState> {
  return (await ownerOfUnsubscribeToken(store, token)) ? 'valid' : 'invalid';
}

/** Unsubscribes the owner of any token ever mailed to them; repeating it is harmless. */
export async function unsubscribe(store: SubscriberDb, token: unknown, now: Date): Promise<UnsubscribeState> {
  const subscriberId = await ownerOfUnsubscribeToken(store, token);
  if (!subscriberId) return 'invalid';
  const at = now.toISOString();
  await store.db.transaction().execute(async (trx) => {
    await trx.updateTable('subscribers').set({ status: 'unsubscribed', unsubscribed_at: at, updated_at: at }).where('id', '=', subscriberId).where('status', '!=', 'unsubscribed').execute();
    // Leaving is leaving every country: subscribing again later starts from the country asked for.
    await trx.deleteFrom('subscriptions').where('subscriber_id', '=', subscriberId).execute();
    // A confirmation link mailed before must not subscribe the address again.
    await trx.deleteFrom('confirm_tokens').where('subscriber_id', '=', subscriberId).execute();
  });
  return 'valid';
}

export type ConfirmedSubscriber = { email: string; countries: string[]; confirmed_at: string | null; undeliverable_at: string | null };

/** Every confirmed subscriber with the countries they follow (for the export), oldest first. */
export async function listConfirmedSubscribers({ db }: SubscriberDb): Promise<ConfirmedSubscriber[]> {
  const rows = await db
    .selectFrom('subscribers')
    .leftJoin('subscriptions', 'subscriptions.subscriber_id', 'subscribers.id')
    .select(['subscribers.id', 'email', 'confirmed_at', 'undeliverable_at', 'subscriptions.country'])
    .where('status', '=', 'confirmed')
    .orderBy('confirmed_at')
    .orderBy('email')
    .orderBy('subscriptions.country')
    .execute();
  const byId = new Map<string, ConfirmedSubscriber>();
  for (const row of rows) {
    let subscriber = byId.get(row.id);
    if (!subscriber) byId.set(row.id, (subscriber = { email: row.email, countries: [], confirmed_at: row.confirmed_at, undeliverable_at: row.undeliverable_at }));
    if (row.country) subscriber.countries.push(row.country);
  }
  return [...byId.values()];
}
