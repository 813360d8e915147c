import type { Generated } from 'kysely';
import type { Locale } from '../i18n/locales';

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
  /** The country of the first sign-up; unused since migration 003 (subscriptions holds every country). */
  country: string | null;
  status: SubscriberStatus;
  /** Unused since migration 002 (confirm_tokens holds every link sent); SQLite cannot drop them. */
  confirm_token_hash: string | null;
  confirm_expires_at: string | null;
  created_at: string;
  updated_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
  /** Set when a mail server rejected the address for good (5xx): no mail goes to it until it confirms again. */
  undeliverable_at: string | null;
  undeliverable_reason: string | null;
  /** The language of every message and of the pages its links open; the latest form's language. */
  locale: Generated<Locale>;
  /** 1: a subscriber of another language than English also receives entries not translated into it, in English. */
  untranslated_fallback: Generated<number>;
};

/** A country a subscriber follows; leaving a country deletes its row. */
export type SubscriptionsTable = { country: string; subscriber_id: string; created_at: string };

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

export type OutboxKind = 'confirm' | 'update';

export type OutboxTable = {
  id: string;
  subscriber_id: string;
  kind: OutboxKind;
  /**
   * For update mail: the edition that queued it (`country/YYYY-MM`, `country/YYYY-MM@fr`). The
   * row's id names the entry alone, so both editions share it and a subscriber gets one message.
   */
  entry_key: string | null;
  created_at: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  claimed_until: string | null;
  /** The claim that holds the row: only its sender may extend or settle it. */
  claim_id: string | null;
  sent_at: string | null;
  last_error: string | null;
  /** Given up for good (a permanent rejection); never retried. */
  failed_at: string | null;
};

export type AnnouncementState = 'baseline' | 'enqueuing' | 'enqueued';

export type AnnouncementsTable = {
  /** The edition announced: `mali/2023-02` (English), `mali/2023-02@fr` (French); see migration 004. */
  entry_key: string;
  country: string;
  month: string;
  /** baseline: published before update mail existed, never mailed; enqueuing: mail being queued; enqueued: all queued. */
  state: AnnouncementState;
  /** Who receives it is decided as of this moment: confirmed and following by then. */
  started_at: string;
  cursor: Generated<string>;
  enqueued_at: string | null;
  /** The edition: the language of the text whose publication this announces. */
  locale: Generated<Locale>;
  /** The languages the entry had in the announcing build, comma-separated (`en,fr`). */
  languages: Generated<string>;
};

export type SiteStateTable = { key: string; value: string };

/** Written by rate-limiter-flexible: points used by a client key until `expire` (ms since epoch). */
export type RateLimitsTable = { key: string; points: number; expire: string | number | null };

export type Database = {
  subscribers: SubscribersTable;
  unsubscribe_tokens: UnsubscribeTokensTable;
  confirm_tokens: ConfirmTokensTable;
  outbox: OutboxTable;
  rate_limits: RateLimitsTable;
  subscriptions: SubscriptionsTable;
  announcements: AnnouncementsTable;
  site_state: SiteStateTable;
};
