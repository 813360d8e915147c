import type { ExpressionBuilder } from 'kysely';
import type { SubscriberDb } from '../db/database';
import type { Database, OutboxTable } from '../db/schema';
import { confirmationMessage } from '../mail/confirmation-message';
import type { MailTransport } from '../mail/mail-transport';
import { hashToken, newToken } from './tokens';

/** A claimed row is someone's for this long; a sender that dies lets it fall back into the queue. */
const CLAIM_MS = 60_000;
const BATCH = 10;
const MAX_BACKOFF_MS = 60 * 60 * 1000;

export type OutboxSettings = { siteUrl: string; siteName: string; from: string; confirmTtlHours: number };
export type DrainResult = { sent: number; failed: number; skipped: number };

type Claimed = Pick<OutboxTable, 'id' | 'subscriber_id' | 'kind'> & { attempts: number };

/**
 * Sends what the outbox holds. Rows are claimed in one statement (on PostgreSQL with
 * FOR UPDATE SKIP LOCKED, so several instances share the queue without sending twice);
 * a failure is retried later with exponential backoff; nothing is deleted.
 */
export async function drainOutbox(store: SubscriberDb, transport: MailTransport, settings: OutboxSettings, now = () => new Date()): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, failed: 0, skipped: 0 };
  for (;;) {
    const claimed = await claimDue(store, now());
    if (claimed.length === 0) return result;
    for (const row of claimed) {
      const outcome = await deliver(store, transport, settings, row, now);
      result[outcome] += 1;
    }
  }
}

/** Not claimed by a sender, or its claim has lapsed. */
const unclaimedAt = (at: string) => (eb: ExpressionBuilder<Database, 'outbox'>) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]);

async function claimDue({ db, dialect }: SubscriberDb, now: Date): Promise<Claimed[]> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + CLAIM_MS).toISOString();
  const due = db
    .selectFrom('outbox')
    .select('id')
    .where('sent_at', 'is', null)
    .where('next_attempt_at', '<=', at)
    .where(unclaimedAt(at))
    .orderBy('created_at')
    .limit(BATCH);
  return db
    .updateTable('outbox')
    .set((eb) => ({ claimed_until: until, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', dialect === 'postgres' ? due.forUpdate().skipLocked() : due)
    // Re-checked on the row itself, so a row claimed meanwhile is not claimed twice.
    .where(unclaimedAt(at))
    .where('sent_at', 'is', null)
    .returning(['id', 'subscriber_id', 'kind', 'attempts'])
    .execute();
}

async function deliver(store: SubscriberDb, transport: MailTransport, settings: OutboxSettings, row: Claimed, now: () => Date): Promise<keyof DrainResult> {
  const tokens = await issueTokens(store, row.subscriber_id, now(), settings.confirmTtlHours);
  if (!tokens) {
    // Confirmed or unsubscribed since it was queued: nothing to send.
    await store.db.updateTable('outbox').set({ sent_at: now().toISOString(), claimed_until: null, last_error: 'skipped: no longer pending' }).where('id', '=', row.id).execute();
    return 'skipped';
  }
  try {
    await transport.send(
      confirmationMessage({ siteUrl: settings.siteUrl, siteName: settings.siteName, from: settings.from, to: tokens.email, confirmToken: tokens.confirm, unsubscribeToken: tokens.unsubscribe, expiresInHours: settings.confirmTtlHours }),
    );
  } catch (error) {
    const delay = Math.min(MAX_BACKOFF_MS, 5_000 * 2 ** Math.max(0, row.attempts - 1));
    await store.db
      .updateTable('outbox')
      .set({ claimed_until: null, next_attempt_at: new Date(now().getTime() + delay).toISOString(), last_error: describe(error) })
      .where('id', '=', row.id)
      .execute();
    return 'failed';
  }
  await store.db.updateTable('outbox').set({ sent_at: now().toISOString(), claimed_until: null, last_error: null }).where('id', '=', row.id).execute();
  return 'sent';
}

/**
 * Tokens are made at send time and only their hashes kept, so the database never holds a
 * usable link; a retried message gets a fresh confirmation token (the old one never arrived).
 */
async function issueTokens({ db }: SubscriberDb, subscriberId: string, now: Date, ttlHours: number) {
  return db.transaction().execute(async (trx) => {
    const subscriber = await trx.selectFrom('subscribers').select(['email', 'status']).where('id', '=', subscriberId).executeTakeFirst();
    if (!subscriber || subscriber.status !== 'pending') return undefined;
    const confirm = newToken();
    const unsubscribe = newToken();
    const at = now.toISOString();
    await trx
      .updateTable('subscribers')
      .set({ confirm_token_hash: hashToken(confirm), confirm_expires_at: new Date(now.getTime() + ttlHours * 3_600_000).toISOString(), updated_at: at })
      .where('id', '=', subscriberId)
      .execute();
    await trx.insertInto('unsubscribe_tokens').values({ token_hash: hashToken(unsubscribe), subscriber_id: subscriberId, created_at: at }).execute();
    return { email: subscriber.email, confirm, unsubscribe };
  });
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}
