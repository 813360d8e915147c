import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { isPostgresUrl } from './database-url';
import { migrationProvider } from './migrations';
import { boundedPool } from './bounded-pool';
import { busyRetryingSqliteDialect } from './sqlite-busy-retry';
import { withStatementCache } from './statement-cache';
import type { Database } from './schema';

export { isPostgresUrl } from './database-url';

export type Dialect = 'sqlite' | 'postgres';

/** The driver underneath, for the one library that speaks to it directly (the rate limiter). */
export type RawClient = { dialect: 'sqlite'; sqlite: BetterSqlite3.Database } | { dialect: 'postgres'; pool: pg.Pool };

export type SubscriberDb = { db: Kysely<Database>; dialect: Dialect; raw: RawClient; close: () => Promise<void> };

export type DatabaseOptions = {
  /** Bounds connecting, each statement and each wait for a pooled connection (default 5 s). */
  timeoutMs?: number;
  /** PostgreSQL connections this process may hold (default 10). */
  poolSize?: number;
  /** Shown in pg_stat_activity, so an operator can tell whose connections these are. */
  applicationName?: string;
};

/**
 * One query layer over both stores: a SQLite file by default (WAL, so readers never wait for
 * the writer; a statement that meets another process's write lock waits for it without blocking
 * the event loop, see sqlite-busy-retry.ts; FULL sync, so an acknowledged subscription survives a
 * crash), PostgreSQL when the URL says so. Nothing here
 * waits without bound: a database that does not answer becomes an error within `timeoutMs`.
 */
export async function openDatabase(url: string, options: DatabaseOptions = {}): Promise<SubscriberDb> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  if (isPostgresUrl(url)) {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: timeoutMs,
      // Client side: a server (or network) that stops answering mid-query.
      query_timeout: timeoutMs,
      // Server side: a statement or an open transaction that runs too long is ended by PostgreSQL.
      statement_timeout: timeoutMs,
      idle_in_transaction_session_timeout: timeoutMs * 2,
      application_name: options.applicationName ?? 'crisis-briefings',
      keepAlive: true,
      idleTimeoutMillis: 30_000,
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: boundedPool(pool) }) });
    return { db, dialect: 'postgres', raw: { dialect: 'postgres', pool }, close: () => db.destroy() };
  }
  const { default: SQLite } = await import('better-sqlite3');
  const file = path.resolve(url.replace(/^file:/, ''));
  mkdirSync(path.dirname(file), { recursive: true });
  // No synchronous busy wait: it would stop the event loop (the dialect waits asynchronously).
  const sqlite = new SQLite(file, { timeout: 0 });
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: busyRetryingSqliteDialect({ database: withStatementCache(sqlite) }, timeoutMs) });
  return { db, dialect: 'sqlite', raw: { dialect: 'sqlite', sqlite }, close: () => db.destroy() };
}

/** One round trip: whether the store answers at all. */
export async function pingDatabase({ db }: SubscriberDb): Promise<void> {
  await sql`select 1`.execute(db);
}

export class MigrationError extends Error {
  constructor(name: string, cause: unknown) {
    super(`Database migration ${name} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'MigrationError';
  }
}

/** Brings the schema up to date; safe to run from several instances at once (the migrator locks). */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) throw new MigrationError(failed?.migrationName ?? 'run', error);
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
