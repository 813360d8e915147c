import type { SubscriberDb } from '../db/database';
import { hashToken, isWellFormedToken, newId } from './tokens';

/** How long after a confirmation was asked for another one may be mailed to the same address. */
const RESEND_AFTER_MS = 10 * 60 * 1000;

export type SubscriptionRequest = { email: string; country?: string };

/**
 * Records a request to subscribe and, where a confirmation should be mailed, queues it in the
 * outbox in the same transaction: the caller acknowledges only after this resolves, so nothing
 * acknowledged is lost, and the mail cannot be lost either. Concurrent requests for one address
 * end as one row (the unique email_key). The caller's answer is the same whatever happened here.
 */
export async function requestSubscription({ db }: SubscriberDb, request: SubscriptionRequest, now: Date): Promise<{ queued: boolean }> {
  const at = now.toISOString();
  const emailKey = request.email.toLowerCase();
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('subscribers')
      .values({ id: newId(), email: request.email, email_key: emailKey, country: request.country ?? null, status: 'pending', created_at: at, updated_at: at })
      .onConflict((conflict) => conflict.column('email_key').doNothing())
      .execute();
    const subscriber = await trx.selectFrom('subscribers').selectAll().where('email_key', '=', emailKey).executeTakeFirstOrThrow();
    // The same queries run whatever the state, so the time taken does not tell a confirmed address from a new one.
    const waiting = await trx
      .selectFrom('outbox')
      .select(['created_at'])
      .where('subscriber_id', '=', subscriber.id)
      .where('kind', '=', 'confirm')
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    if (subscriber.status === 'confirmed') {
      await trx.updateTable('subscribers').set({ updated_at: at }).where('id', '=', subscriber.id).execute();
      return { queued: false };
    }
    const recentlyQueued = waiting !== undefined && now.getTime() - Date.parse(waiting.created_at) < RESEND_AFTER_MS;
    await trx
      .updateTable('subscribers')
      .set({ status: 'pending', updated_at: at, country: request.country ?? subscriber.country })
      .where('id', '=', subscriber.id)
      .execute();
    if (recentlyQueued) return { queued: false };
    await trx.insertInto('outbox').values({ id: newId(), subscriber_id: subscriber.id, kind: 'confirm', created_at: at, next_attempt_at: at }).execute();
    return { queued: true };
  });
}

export type ConfirmationState = 'valid' | 'expired' | 'invalid';

/** What a confirmation link leads to, without using it up (the page shows this before the POST). */
export async function checkConfirmation({ db }: SubscriberDb, token: unknown, now: Date): Promise<ConfirmationState> {
  if (!isWellFormedToken(token)) return 'invalid';
  const row = await db.selectFrom('subscribers').select(['status', 'confirm_expires_at']).where('confirm_token_hash', '=', hashToken(token)).executeTakeFirst();
  if (!row || row.status !== 'pending') return 'invalid';
  return row.confirm_expires_at !== null && row.confirm_expires_at > now.toISOString() ? 'valid' : 'expired';
}

export type ConfirmResult = 'confirmed' | 'expired' | 'invalid';

/** Confirms once: the token is cleared in the same statement that confirms. */
export async function confirmSubscription(store: SubscriberDb, token: unknown, now: Date): Promise<ConfirmResult> {
  const { db } = store;
  if (!isWellFormedToken(token)) return 'invalid';
  const at = now.toISOString();
  const result = await db
    .updateTable('subscribers')
    .set({ status: 'confirmed', confirmed_at: at, updated_at: at, confirm_token_hash: null, confirm_expires_at: null })
    .where('confirm_token_hash', '=', hashToken(token))
    .where('status', '=', 'pending')
    .where('confirm_expires_at', '>', at)
    .executeTakeFirst();
  if (result.numUpdatedRows > 0n) return 'confirmed';
  // Tell an expired link from a used or unknown one, so the page can say which.
  return (await checkConfirmation(store, token, now)) === 'expired' ? 'expired' : 'invalid';
}

export type UnsubscribeState = 'valid' | 'invalid';

/** Whose unsubscribe token this is, if any. */
async function ownerOfUnsubscribeToken({ db }: SubscriberDb, token: unknown): Promise<string | undefined> {
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
  await store.db
    .updateTable('subscribers')
    .set({ status: 'unsubscribed', unsubscribed_at: at, updated_at: at, confirm_token_hash: null, confirm_expires_at: null })
    .where('id', '=', subscriberId)
    .where('status', '!=', 'unsubscribed')
    .execute();
  return 'valid';
}

export type ConfirmedSubscriber = { email: string; country: string | null; confirmed_at: string | null };

export async function listConfirmedSubscribers({ db }: SubscriberDb): Promise<ConfirmedSubscriber[]> {
  return db.selectFrom('subscribers').select(['email', 'country', 'confirmed_at']).where('status', '=', 'confirmed').orderBy('confirmed_at').orderBy('email').execute();
}
