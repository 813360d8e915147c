import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

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
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
