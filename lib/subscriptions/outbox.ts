import type { ExpressionBuilder } from 'kysely';
import type { Country, CrisisWatchEntry } from '../content';
import type { SubscriberDb } from '../db/database';
import { isStoreFault } from '../db/store-fault';
import type { Database, OutboxKind, OutboxTable } from '../db/schema';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../i18n/locales';
import { confirmationMessage } from '../mail/confirmation-message';
import { isPermanentFailure, type MailMessage, type MailTransport } from '../mail/mail-transport';
import { updateMessage } from '../mail/update-message';
import { countryNamesOf, type CountryChoice } from './followed-countries';
import { addConfirmToken, addUnsubscribeToken, addUnsubscribeTokens, countriesFollowedBy } from './subscriber-store';
import { createSendPacer } from './send-pacer';
import { newId, newToken } from './tokens';

/** Rows claimed at once: confirmations are few and urgent; update mail comes in thousands. */
const BATCH: Record<OutboxKind, number> = { confirm: 10, update: 50 };
const MAX_BACKOFF_MS = 60 * 60 * 1000;
/** Room for the database work around a send (making tokens, settling the row), each bounded by its own timeout. */
const CLAIM_MARGIN_MS = 60_000;

/**
 * The published entry an update message announces, as the sending process has it, in a
 * subscriber's language: translated where this process's content has the translation, else the
 * English text (`entry.lang` says which).
 */
export type UpdateContent = { country: Country; entry: CrisisWatchEntry };

export type OutboxSettings = {
  siteUrl: string;
  siteName: string;
  from: string;
  confirmTtlHours: number;
  /** Messages per second this sender may start; 0 or unset: no limit. */
  ratePerSecond?: number;
  /** Finds the entry an update message announces (an entry or edition key), in `locale` (undefined: no longer published). */
  updateContent?: (entryKey: string, locale: Locale) => Promise<UpdateContent | undefined>;
  /** The published countries in `locale`, whose names a confirmation lists (unset: it lists their slugs). */
  countries?: (locale: Locale) => Promise<readonly CountryChoice[]>;
  /** Told of a message that failed for a reason of neither the store nor the mail server (a bug, a bad setting); its row is retried later on its own. */
  onMessageError?: (message: string, error: unknown) => void;
};
export type DrainResult = { sent: number; failed: number; skipped: number; undeliverable: number };

type Claimed = Pick<OutboxTable, 'id' | 'subscriber_id' | 'kind' | 'entry_key'> & { attempts: number };

/**
 * Sends what the outbox holds: confirmations first, then update mail. Rows are claimed in one
 * statement (on PostgreSQL with FOR UPDATE SKIP LOCKED, so several instances share the queue
 * without sending twice), and each row's claim is renewed just before its send for longer than
 * the send can take (the transport gives up after `maxSendMs`), so no other sender takes a row
 * over while its message may still be on its way; a sender that dies lets the row fall back into
 * the queue once the claim lapses. A failure is retried later with exponential backoff; a
 * permanent rejection (5xx) is not retried and stops all mail to the address.
 */
export async function drainOutbox(store: SubscriberDb, transport: MailTransport, settings: OutboxSettings, now = () => new Date()): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, failed: 0, skipped: 0, undeliverable: 0 };
  const pacer = createSendPacer(settings.ratePerSecond ?? 0);
  for (;;) {
    const claimId = newId();
    let claimed: Claimed[] = [];
    let claimUntil = 0;
    for (const kind of ['confirm', 'update'] as const) {
      // As long as one send's renewal (and the pace): each send renews its own row's claim just
      // before it starts, so a slow batch never loses a row mid-send, while the batch of a sender
      // that died (SIGKILL, a crash) goes back to the queue within twice the send limit and a
      // minute, not after all its turns. A row whose claim lapsed before its turn and that another
      // sender took over is left to that sender.
      const claimMs = transport.maxSendMs * 2 + CLAIM_MARGIN_MS + pacer.delayForMs(BATCH[kind]);
      const at = now();
      claimed = await claimDue(store, kind, at, claimMs, claimId);
      claimUntil = at.getTime() + claimMs;
      if (claimed.length > 0) break;
    }
    if (claimed.length === 0) return result;
    const claim = { id: claimId, until: claimUntil };
    // A failure that is neither the store's (which stops the drain: the store gate answers it)
    // nor the mail server's fails the message it happened to, retried later, not the others.
    const onItsOwn = async (rows: readonly Claimed[], work: () => Promise<void>) => {
      try {
        await work();
      } catch (error) {
        if (isStoreFault(error)) throw error;
        settings.onMessageError?.(`outbox: ${rows.length} message(s) could not be prepared or sent; retried later`, error);
        for (const row of rows) await retryLater(store, row, claim.id, error, now());
        result.failed += rows.length;
      }
    };
    // Update mail is prepared for the whole batch in one transaction (one commit, not one per message).
    let updates: Map<string, MailMessage | string> | undefined;
    if (claimed[0]!.kind === 'update') await onItsOwn(claimed, async () => void (updates = await prepareUpdates(store, claimed, settings, now())));
    if (claimed[0]!.kind === 'update' && !updates) continue;
    await eachConcurrently(claimed, Math.max(1, transport.concurrency), (row) =>
      onItsOwn([row], async () => {
        const prepared = updates?.get(row.id) ?? (await prepareConfirmation(store, row, settings, now()));
        const outcome = await deliver(store, transport, row, prepared, claim, now, pacer.next);
        if (outcome) result[outcome] += 1;
      }),
    );
  }
}

/** Settles a claimed row (only while the claim is still this sender's) and releases the claim. */
function settleRow(store: SubscriberDb, row: Claimed, claimId: string, values: { sent_at?: string; next_attempt_at?: string; failed_at?: string; last_error: string | null }) {
  return store.db.updateTable('outbox').set({ ...values, claimed_until: null, claim_id: null }).where('id', '=', row.id).where('claim_id', '=', claimId).execute();
}

/** Tried again after an exponential backoff (at most an hour), the error kept on the row. */
function retryLater(store: SubscriberDb, row: Claimed, claimId: string, error: unknown, now: Date) {
  const delay = Math.min(MAX_BACKOFF_MS, 5_000 * 2 ** Math.max(0, row.attempts - 1));
  return settleRow(store, row, claimId, { next_attempt_at: new Date(now.getTime() + delay).toISOString(), last_error: describe(error) });
}

/** Not claimed by a sender, or its claim has lapsed. */
const unclaimedAt = (at: string) => (eb: ExpressionBuilder<Database, 'outbox'>) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]);

async function claimDue({ db, dialect }: SubscriberDb, kind: OutboxKind, now: Date, claimMs: number, claimId: string): Promise<Claimed[]> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + claimMs).toISOString();
  // Materialized, so the batch is chosen once: otherwise PostgreSQL may run the LIMIT subquery
  // again for every row it updates and, with another sender claiming at the same time, take
  // several batches at once. Read along the outbox_pending index (unsent rows of one kind, by due time).
  return db
    .with(
      (cte) => cte('due').materialized(),
      (qb) => {
        const due = qb
          .selectFrom('outbox')
          .select('id')
          .where('kind', '=', kind)
          .where('sent_at', 'is', null)
          .where('failed_at', 'is', null)
          .where('next_attempt_at', '<=', at)
          .where(unclaimedAt(at))
          .orderBy('next_attempt_at')
          .limit(BATCH[kind]);
        return dialect === 'postgres' ? due.forUpdate().skipLocked() : due;
      },
    )
    .updateTable('outbox')
    .set((eb) => ({ claimed_until: until, claim_id: claimId, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', (eb) => eb.selectFrom('due').select('id'))
    // Re-checked on the row itself, so a row claimed meanwhile is not claimed twice.
    .where(unclaimedAt(at))
    .where('sent_at', 'is', null)
    .returning(['id', 'subscriber_id', 'kind', 'entry_key', 'attempts'])
    .execute();
}

type Outcome = keyof DrainResult;

async function deliver(
  store: SubscriberDb,
  transport: MailTransport,
  row: Claimed,
  prepared: MailMessage | string,
  claim: { id: string; until: number },
  now: () => Date,
  pace: () => Promise<void>,
): Promise<Outcome | undefined> {
  const claimId = claim.id;
  const settle = (values: Parameters<typeof settleRow>[3]) => settleRow(store, row, claimId, values);
  if (typeof prepared === 'string') {
    // Nothing to send any more (confirmed, left, entry withdrawn): settled so it is not tried again.
    await settle({ sent_at: now().toISOString(), last_error: `skipped: ${prepared}` });
    return 'skipped';
  }
  await pace();
  // When what is left of the claim might not outlast this send (the transport aborts it after
  // maxSendMs) and its settling, it is renewed first. If it had lapsed and another sender took
  // the row, the row is theirs now: not sent here, not settled here.
  if (claim.until - now().getTime() < transport.maxSendMs + CLAIM_MARGIN_MS) {
    const renewed = await store.db
      .updateTable('outbox')
      .set({ claimed_until: new Date(now().getTime() + transport.maxSendMs * 2 + CLAIM_MARGIN_MS).toISOString() })
      .where('id', '=', row.id)
      .where('claim_id', '=', claimId)
      .where('sent_at', 'is', null)
      .executeTakeFirst();
    if (Number(renewed.numUpdatedRows) === 0) return undefined;
  }
  try {
    await transport.send(prepared);
  } catch (error) {
    if (isPermanentFailure(error)) {
      const at = now().toISOString();
      await store.db.updateTable('subscribers').set({ undeliverable_at: at, undeliverable_reason: describe(error), updated_at: at }).where('id', '=', row.subscriber_id).execute();
      await settle({ failed_at: at, last_error: describe(error) });
      return 'undeliverable';
    }
    await retryLater(store, row, claimId, error, now());
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
async function prepareConfirmation({ db }: SubscriberDb, row: Claimed, settings: OutboxSettings, now: Date): Promise<MailMessage | string> {
  const tokens = await db.transaction().execute(async (trx) => {
    const subscriber = await trx.selectFrom('subscribers').select(['email', 'status', 'locale']).where('id', '=', row.subscriber_id).executeTakeFirst();
    if (!subscriber || subscriber.status !== 'pending') return undefined;
    const confirm = newToken();
    const unsubscribe = newToken();
    await addConfirmToken(trx, row.subscriber_id, confirm, now, settings.confirmTtlHours);
    await addUnsubscribeToken(trx, row.subscriber_id, unsubscribe, now);
    return { email: subscriber.email, locale: subscriber.locale, confirm, unsubscribe, followed: await countriesFollowedBy(trx, row.subscriber_id) };
  });
  if (!tokens) return 'no longer pending';
  const { locale } = tokens;
  // Every country the address will follow once confirmed, whichever post asked for which.
  const countries = settings.countries ? countryNamesOf(tokens.followed, await settings.countries(locale), locale) : tokens.followed;
  return confirmationMessage({
    ...settings,
    to: tokens.email,
    confirmToken: tokens.confirm,
    unsubscribeToken: tokens.unsubscribe,
    expiresInHours: settings.confirmTtlHours,
    countries,
    // The language of the form they last subscribed from: the message, and the pages its links open.
    locale,
  });
}

/**
 * Checked again at send time: someone who left the country, unsubscribed or bounced since the
 * entry was announced gets nothing. The entry is rendered from the content as published now, so
 * a correction made before the message goes out is in it. Its language is chosen now too: the
 * subscriber's, with the translation if this process's content has it, else the English text
 * marked as English in a message in their language (whichever edition queued it). One
 * transaction for the batch: the recipients' state is read and each message's unsubscribe token
 * (only its hash) recorded.
 */
async function prepareUpdates({ db }: SubscriberDb, rows: readonly Claimed[], settings: OutboxSettings, now: Date): Promise<Map<string, MailMessage | string>> {
  // Each entry in every language, before the transaction (the content may still be loading).
  const contents = new Map<string, UpdateContent | undefined>();
  for (const key of new Set(rows.map((row) => row.entry_key ?? ''))) {
    for (const locale of LOCALES) contents.set(`${key} ${locale}`, key ? await settings.updateContent?.(key, locale) : undefined);
  }
  const ids = [...new Set(rows.map((row) => row.subscriber_id))];
  const prepared = new Map<string, MailMessage | string>();
  await db.transaction().execute(async (trx) => {
    const subscribers = new Map((await trx.selectFrom('subscribers').select(['id', 'email', 'status', 'undeliverable_at', 'locale']).where('id', 'in', ids).execute()).map((row) => [row.id, row]));
    const follows = new Set((await trx.selectFrom('subscriptions').select(['subscriber_id', 'country']).where('subscriber_id', 'in', ids).execute()).map((row) => `${row.subscriber_id} ${row.country}`));
    const tokens: { subscriberId: string; token: string }[] = [];
    for (const row of rows) {
      const subscriber = subscribers.get(row.subscriber_id);
      const content = contents.get(`${row.entry_key ?? ''} ${subscriber?.locale ?? DEFAULT_LOCALE}`);
      if (!content) prepared.set(row.id, `entry ${row.entry_key ?? '?'} is not published`);
      else if (!subscriber || subscriber.status !== 'confirmed' || subscriber.undeliverable_at !== null || !follows.has(`${row.subscriber_id} ${content.country.slug}`)) {
        prepared.set(row.id, 'no longer following');
      } else {
        const manage = newToken();
        tokens.push({ subscriberId: row.subscriber_id, token: manage });
        prepared.set(row.id, updateMessage({ ...settings, to: subscriber.email, country: content.country, entry: content.entry, manageToken: manage, locale: subscriber.locale }));
      }
    }
    await addUnsubscribeTokens(trx, tokens, now);
  });
  return prepared;
}

/** Runs `work` on every item, at most `limit` at a time. */
async function eachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}
