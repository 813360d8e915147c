import type { Generated } from 'kysely';

/**
 * The tables, shared by SQLite and PostgreSQL. Timestamps are ISO 8601 strings in UTC, which
 * sort and compare the same way on both; statuses are checked by the code that writes them.
 */
export type SubscriberStatus = 'pending' | 'confirmed' | 'unsubscribed';

export type SubscribersTable = {
  id: string;
  email: string;
  /** Lower-cased address: unique, so one person is one row whatever the case they type. */
  email_key: string;
  country: string | null;
  status: SubscriberStatus;
  /** Unused since migration 002 (confirm_tokens holds every link sent); SQLite cannot drop them. */
  confirm_token_hash: string | null;
  confirm_expires_at: string | null;
  created_at: string;
  updated_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
};

export type UnsubscribeTokensTable = {
  /** SHA-256 of a token sent in one message; every message a subscriber got keeps working. */
  token_hash: string;
  subscriber_id: string;
  created_at: string;
};

export type ConfirmTokensTable = {
  /** SHA-256 of a confirmation token sent in one message; the token itself is never stored. */
  token_hash: string;
  subscriber_id: string;
  expires_at: string;
  created_at: string;
};

export type OutboxTable = {
  id: string;
  subscriber_id: string;
  kind: 'confirm';
  created_at: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  claimed_until: string | null;
  /** The claim that holds the row: only its sender may extend or settle it. */
  claim_id: string | null;
  sent_at: string | null;
  last_error: string | null;
};

/** Written by rate-limiter-flexible: points used by a client key until `expire` (ms since epoch). */
export type RateLimitsTable = { key: string; points: number; expire: string | number | null };

export type Database = {
  subscribers: SubscribersTable;
  unsubscribe_tokens: UnsubscribeTokensTable;
  confirm_tokens: ConfirmTokensTable;
  outbox: OutboxTable;
  rate_limits: RateLimitsTable;
};
