import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { DEFAULT_LOCALE, LOCALES, TRANSLATION_LOCALES } from '../i18n/locales';

/** Migrations live in code so the same ones run on SQLite and PostgreSQL, in order, once. */
const migrations: Record<string, Migration> = {
  '001-subscribers': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('subscribers')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('email', 'text', (column) => column.notNull())
        .addColumn('email_key', 'text', (column) => column.notNull().unique())
        .addColumn('country', 'text')
        .addColumn('status', 'text', (column) => column.notNull().check(sql`status in ('pending', 'confirmed', 'unsubscribed')`))
        .addColumn('confirm_token_hash', 'text', (column) => column.unique())
        .addColumn('confirm_expires_at', 'text')
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .addColumn('confirmed_at', 'text')
        .addColumn('unsubscribed_at', 'text')
        .execute();
      await db.schema
        .createTable('unsubscribe_tokens')
        .addColumn('token_hash', 'text', (column) => column.primaryKey())
        .addColumn('subscriber_id', 'text', (column) => column.notNull().references('subscribers.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (column) => column.notNull())
        .execute();
      await db.schema
        .createTable('outbox')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('subscriber_id', 'text', (column) => column.notNull().references('subscribers.id').onDelete('cascade'))
        .addColumn('kind', 'text', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'text', (column) => column.notNull())
        .addColumn('claimed_until', 'text')
        .addColumn('sent_at', 'text')
        .addColumn('last_error', 'text')
        .execute();
      await db.schema.createIndex('outbox_due').on('outbox').columns(['sent_at', 'next_attempt_at']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('outbox').execute();
      await db.schema.dropTable('unsubscribe_tokens').execute();
      await db.schema.dropTable('subscribers').execute();
    },
  },
  '002-production': {
    async up(db: Kysely<unknown>) {
      // Every confirmation link ever mailed works until its own expiry (a retried message no
      // longer kills the link before it); confirming with any of them uses them all up.
      await db.schema
        .createTable('confirm_tokens')
        .addColumn('token_hash', 'text', (column) => column.primaryKey())
        .addColumn('subscriber_id', 'text', (column) => column.notNull().references('subscribers.id').onDelete('cascade'))
        .addColumn('expires_at', 'text', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .execute();
      await db.schema.createIndex('confirm_tokens_subscriber').on('confirm_tokens').column('subscriber_id').execute();
      await sql`insert into confirm_tokens (token_hash, subscriber_id, expires_at, created_at)
        select confirm_token_hash, id, confirm_expires_at, updated_at from subscribers
        where confirm_token_hash is not null and confirm_expires_at is not null and status = 'pending'`.execute(db);
      // The old columns stay (SQLite cannot drop a UNIQUE column) but are no longer read or written.
      await sql`update subscribers set confirm_token_hash = null, confirm_expires_at = null`.execute(db);

      // Whose claim a row is under, so only that sender extends or settles it.
      await db.schema.alterTable('outbox').addColumn('claim_id', 'text').execute();
      // Found by subscriber on every subscribe; without this each post scanned the outbox.
      await db.schema.createIndex('outbox_subscriber').on('outbox').columns(['subscriber_id', 'kind', 'created_at']).execute();
      await db.schema.createIndex('unsubscribe_tokens_subscriber').on('unsubscribe_tokens').column('subscriber_id').execute();

      // Subscribe posts per client, shared by every instance (rate-limiter-flexible's layout).
      await db.schema
        .createTable('rate_limits')
        .addColumn('key', 'varchar(255)', (column) => column.primaryKey())
        .addColumn('points', 'integer', (column) => column.notNull().defaultTo(0))
        .addColumn('expire', 'bigint')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('rate_limits').execute();
      await db.schema.dropIndex('unsubscribe_tokens_subscriber').execute();
      await db.schema.dropIndex('outbox_subscriber').execute();
      await db.schema.alterTable('outbox').dropColumn('claim_id').execute();
      await db.schema.dropTable('confirm_tokens').execute();
    },
  },
  '003-updates': {
    async up(db: Kysely<unknown>) {
      // One row per (subscriber, country) followed. Keyed by country first: announcing an entry
      // walks one country's followers in id order, batch by batch.
      await db.schema
        .createTable('subscriptions')
        .addColumn('country', 'text', (column) => column.notNull())
        .addColumn('subscriber_id', 'text', (column) => column.notNull().references('subscribers.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('subscriptions_pk', ['country', 'subscriber_id'])
        .execute();
      await db.schema.createIndex('subscriptions_subscriber').on('subscriptions').column('subscriber_id').execute();
      // Every subscriber keeps the country they signed up from (unsubscribed ones follow nothing).
      await sql`insert into subscriptions (country, subscriber_id, created_at)
        select country, id, created_at from subscribers where country is not null and status != 'unsubscribed'`.execute(db);

      // A permanent SMTP rejection (5xx) stops all mail to the address until it is confirmed again.
      await db.schema.alterTable('subscribers').addColumn('undeliverable_at', 'text').execute();
      await db.schema.alterTable('subscribers').addColumn('undeliverable_reason', 'text').execute();

      // Update mail rows name their entry (`mali/2023-02`); their id is derived from it and the
      // subscriber, so enqueueing the same entry twice inserts nothing the second time.
      await db.schema.alterTable('outbox').addColumn('entry_key', 'text').execute();
      // A message that will never be sent (a permanent rejection): not retried, counted as failed.
      await db.schema.alterTable('outbox').addColumn('failed_at', 'text').execute();
      // The queue as the sender reads it: unsent rows of one kind, due first.
      await db.schema.createIndex('outbox_pending').on('outbox').columns(['kind', 'next_attempt_at']).where(sql.ref('sent_at'), 'is', null).execute();
      await db.schema.createIndex('outbox_entry').on('outbox').columns(['entry_key', 'sent_at']).execute();

      // Entries known to the mail: announced (mail enqueued or being enqueued) or recorded as
      // already published when the feature first ran. Keyed by entry, so a corrected entry is
      // never announced twice.
      await db.schema
        .createTable('announcements')
        .addColumn('entry_key', 'text', (column) => column.primaryKey())
        .addColumn('country', 'text', (column) => column.notNull())
        .addColumn('month', 'text', (column) => column.notNull())
        .addColumn('state', 'text', (column) => column.notNull().check(sql`state in ('baseline', 'enqueuing', 'enqueued')`))
        .addColumn('started_at', 'text', (column) => column.notNull())
        // The last subscriber id enqueued, so a run cut short resumes where it stopped.
        .addColumn('cursor', 'text', (column) => column.notNull().defaultTo(''))
        .addColumn('enqueued_at', 'text')
        .execute();
      await db.schema
        .createTable('site_state')
        .addColumn('key', 'text', (column) => column.primaryKey())
        .addColumn('value', 'text', (column) => column.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('site_state').execute();
      await db.schema.dropTable('announcements').execute();
      await db.schema.dropIndex('outbox_entry').execute();
      await db.schema.dropIndex('outbox_pending').execute();
      await db.schema.alterTable('outbox').dropColumn('failed_at').execute();
      await db.schema.alterTable('outbox').dropColumn('entry_key').execute();
      await db.schema.alterTable('subscribers').dropColumn('undeliverable_reason').execute();
      await db.schema.alterTable('subscribers').dropColumn('undeliverable_at').execute();
      await db.schema.dropTable('subscriptions').execute();
    },
  },
  '004-languages': {
    async up(db: Kysely<unknown>) {
      // Every subscriber so far signed up in English and stays so. The check lists the site's
      // languages when the migration runs; a further language adds a migration that widens it.
      const languages = sql.join(LOCALES.map((locale) => sql.lit(locale)));
      await db.schema
        .alterTable('subscribers')
        .addColumn('locale', 'text', (column) => column.notNull().defaultTo(DEFAULT_LOCALE).check(sql`locale in (${languages})`))
        .execute();
      // "Also send English texts not yet translated" (0 or 1: SQLite has no boolean).
      await db.schema.alterTable('subscribers').addColumn('untranslated_fallback', 'integer', (column) => column.notNull().defaultTo(0)).execute();

      // Each language edition of an entry is announced on its own. The French edition's key is
      // the entry's with a suffix (`mali/2023-02@fr`) rather than a second primary-key column:
      // SQLite cannot change a table's primary key without rebuilding the table (create, copy,
      // drop, rename) under the announcer's locks, while a suffix leaves every English key as it
      // was and needs only an added column. `locale` says which edition a row is, for queries.
      await db.schema.alterTable('announcements').addColumn('locale', 'text', (column) => column.notNull().defaultTo(DEFAULT_LOCALE)).execute();
      // The languages the entry had in the build that announced it: its English edition mails a
      // subscriber of another language (who asked for English texts) only when theirs was missing.
      await db.schema.alterTable('announcements').addColumn('languages', 'text', (column) => column.notNull().defaultTo(DEFAULT_LOCALE)).execute();
      // The archive that predated update mail stays unmailed in every language: a translation of
      // an old month added later is not news.
      for (const locale of TRANSLATION_LOCALES) {
        await sql`insert into announcements (entry_key, country, month, state, started_at, cursor, enqueued_at, locale, languages)
          select entry_key || ${'@' + locale}, country, month, 'baseline', started_at, '', enqueued_at, ${locale}, languages
          from announcements where state = 'baseline' and locale = ${DEFAULT_LOCALE}`.execute(db);
      }
    },
    async down(db: Kysely<unknown>) {
      await sql`delete from announcements where locale != ${DEFAULT_LOCALE}`.execute(db);
      await db.schema.alterTable('announcements').dropColumn('languages').execute();
      await db.schema.alterTable('announcements').dropColumn('locale').execute();
      await db.schema.alterTable('subscribers').dropColumn('untranslated_fallback').execute();
      await db.schema.alterTable('subscribers').dropColumn('locale').execute();
    },
  },
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
