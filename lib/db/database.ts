import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import { migrationProvider } from './migrations';
import type { Database } from './schema';

export type Dialect = 'sqlite' | 'postgres';

export type SubscriberDb = { db: Kysely<Database>; dialect: Dialect; close: () => Promise<void> };

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/**
 * One query layer over both stores: a SQLite file by default (WAL, so readers never wait for
 * the writer; a busy timeout, so a second process waits instead of failing; FULL sync, so an
 * acknowledged subscription survives a crash), PostgreSQL when the URL says so.
 */
export async function openDatabase(url: string): Promise<SubscriberDb> {
  if (isPostgresUrl(url)) {
    const { Pool } = await import('pg');
    const pool = new Pool({ connectionString: url, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const { default: SQLite } = await import('better-sqlite3');
  const file = path.resolve(url.replace(/^file:/, ''));
  mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
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
