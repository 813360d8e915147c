import type { ExpressionBuilder } from 'kysely';
import type { SubscriberDb } from '../db/database';
import type { Database, OutboxTable } from '../db/schema';
import { confirmationMessage } from '../mail/confirmation-message';
import type { MailTransport } from '../mail/mail-transport';
import { addConfirmToken, addUnsubscribeToken } from './subscriber-store';
import { newId, newToken } from './tokens';

const BATCH = 10;
const MAX_BACKOFF_MS = 60 * 60 * 1000;
/** Room for the database work around a send (making tokens, settling the row), each bounded by its own timeout. */
const CLAIM_MARGIN_MS = 60_000;

export type OutboxSettings = { siteUrl: string; siteName: string; from: string; confirmTtlHours: number };
export type DrainResult = { sent: number; failed: number; skipped: number };

type Claimed = Pick<OutboxTable, 'id' | 'subscriber_id' | 'kind'> & { attempts: number };

/**
 * Sends what the outbox holds. Rows are claimed in one statement (on PostgreSQL with
 * FOR UPDATE SKIP LOCKED, so several instances share the queue without sending twice). A claim
 * lasts longer than the transport can take to send (it gives up after `maxSendMs`), so no other
 * sender takes a row over while its message may still be on its way; a sender that dies lets
 * the row fall back into the queue once the claim lapses. A failure is retried later with
 * exponential backoff; nothing is deleted.
 */
export async function drainOutbox(store: SubscriberDb, transport: MailTransport, settings: OutboxSettings, now = () => new Date()): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, failed: 0, skipped: 0 };
  const claimMs = transport.maxSendMs * 2 + CLAIM_MARGIN_MS;
  for (;;) {
    const claimId = newId();
    const claimed = await claimDue(store, now(), claimMs, claimId);
    if (claimed.length === 0) return result;
    for (const row of claimed) {
      const outcome = await deliver(store, transport, settings, row, claimId, now);
      result[outcome] += 1;
    }
  }
}

/** Not claimed by a sender, or its claim has lapsed. */
const unclaimedAt = (at: string) => (eb: ExpressionBuilder<Database, 'outbox'>) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]);

async function claimDue({ db, dialect }: SubscriberDb, now: Date, claimMs: number, claimId: string): Promise<Claimed[]> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + claimMs).toISOString();
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
    .set((eb) => ({ claimed_until: until, claim_id: claimId, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', dialect === 'postgres' ? due.forUpdate().skipLocked() : due)
    // Re-checked on the row itself, so a row claimed meanwhile is not claimed twice.
    .where(unclaimedAt(at))
    .where('sent_at', 'is', null)
    .returning(['id', 'subscriber_id', 'kind', 'attempts'])
    .execute();
}

async function deliver(store: SubscriberDb, transport: MailTransport, settings: OutboxSettings, row: Claimed, claimId: string, now: () => Date): Promise<keyof DrainResult> {
  const settle = (values: { sent_at?: string; next_attempt_at?: string; last_error: string | null }) =>
    store.db.updateTable('outbox').set({ ...values, claimed_until: null, claim_id: null }).where('id', '=', row.id).where('claim_id', '=', claimId).execute();
  const tokens = await issueTokens(store, row.subscriber_id, now(), settings.confirmTtlHours);
  if (!tokens) {
    // Confirmed or unsubscribed since it was queued: nothing to send.
    await settle({ sent_at: now().toISOString(), last_error: 'skipped: no longer pending' });
    return 'skipped';
  }
  try {
    await transport.send(
      confirmationMessage({ siteUrl: settings.siteUrl, siteName: settings.siteName, from: settings.from, to: tokens.email, confirmToken: tokens.confirm, unsubscribeToken: tokens.unsubscribe, expiresInHours: settings.confirmTtlHours }),
    );
  } catch (error) {
    const delay = Math.min(MAX_BACKOFF_MS, 5_000 * 2 ** Math.max(0, row.attempts - 1));
    await settle({ next_attempt_at: new Date(now().getTime() + delay).toISOString(), last_error: describe(error) });
    return 'failed';
  }
  await settle({ sent_at: now().toISOString(), last_error: null });
  return 'sent';
}

/**
 * Tokens are made at send time and only their hashes kept, so the database never holds a
 * usable link. A retried message carries a new confirmation token, and the earlier ones keep
 * working until they expire (one of them may have arrived after all).
 */
async function issueTokens({ db }: SubscriberDb, subscriberId: string, now: Date, ttlHours: number) {
  return db.transaction().execute(async (trx) => {
    const subscriber = await trx.selectFrom('subscribers').select(['email', 'status']).where('id', '=', subscriberId).executeTakeFirst();
    if (!subscriber || subscriber.status !== 'pending') return undefined;
    const confirm = newToken();
    const unsubscribe = newToken();
    await addConfirmToken(trx, subscriberId, confirm, now, ttlHours);
    await addUnsubscribeToken(trx, subscriberId, unsubscribe, now);
    return { email: subscriber.email, confirm, unsubscribe };
  });
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}
