import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeEach, describe } from 'vitest';
import { migrateToLatest, openDatabase, type Dialect, type SubscriberDb } from '@/lib/db/database';

const POSTGRES_URL = process.env.TEST_DATABASE_URL;

if (!POSTGRES_URL) {
  console.warn('PostgreSQL store tests SKIPPED: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run them.');
}

/** Where a test's store is, so a child process or a second pool can open the same one. */
export type BackendPlace = {
  /** What openDatabase takes: the SQLite file, or the URL of the PostgreSQL database. */
  location: () => string;
  dialect: Dialect;
};

/**
 * Runs the same store tests on SQLite and, when TEST_DATABASE_URL is set, on PostgreSQL. Each
 * test starts from empty, migrated tables.
 */
export function onEachBackend(title: string, body: (store: () => SubscriberDb, place: BackendPlace) => void): void {
  describe(`${title} (SQLite)`, () => {
    let store: SubscriberDb | undefined;
    let dir: string | undefined;
    let file = '';
    beforeEach(async () => {
      await store?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
      dir = await mkdtemp(path.join(tmpdir(), 'store-'));
      file = path.join(dir, 'subscribers.db');
      store = await openDatabase(file);
      await migrateToLatest(store.db);
    });
    afterAll(async () => {
      await store?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    });
    body(() => store!, { location: () => file, dialect: 'sqlite' });
  });

  describe.skipIf(!POSTGRES_URL)(`${title} (PostgreSQL)`, () => {
    // A database of its own, so test files running in parallel never share tables.
    const name = `test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const url = POSTGRES_URL ? new URL(POSTGRES_URL) : undefined;
    if (url) url.pathname = `/${name}`;
    let admin: SubscriberDb | undefined;
    let store: SubscriberDb | undefined;
    beforeEach(async () => {
      if (!admin) {
        admin = await openDatabase(POSTGRES_URL!);
        await sql`create database ${sql.id(name)}`.execute(admin.db);
        store = await openDatabase(url!.toString());
      }
      // The database is this file's own: start every test from an empty schema.
      await sql`drop schema public cascade`.execute(store!.db);
      await sql`create schema public`.execute(store!.db);
      await migrateToLatest(store!.db);
    });
    afterAll(async () => {
      await store?.close();
      // A pool some test left open (or a killed child's backend not gone yet) must not keep the
      // database: drop it even then.
      if (admin) await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
      await admin?.close();
    });
    body(() => store!, { location: () => url!.toString(), dialect: 'postgres' });
  });
}
