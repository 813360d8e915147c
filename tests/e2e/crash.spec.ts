import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './support/test';
import { sql } from 'kysely';
import { openDatabase } from '../../lib/db/database';
import { PORT } from './sites';
import { startAppServer, type AppServer } from './support/app-server';

/**
 * Durability of the subscribe endpoint: a production server killed with SIGKILL (no shutdown
 * handler runs) while subscriptions stream in must have stored every one it answered 202 to.
 * It runs its own server on its own port and database, so it shares nothing with the other specs.
 */
const CRASH_PORT = PORT + 5;
const CRASH_SITE_URL = `http://127.0.0.1:${CRASH_PORT}`;
const WORKERS = 8;
const KILL_AFTER_ACKNOWLEDGEMENTS = 150;

test.describe('the subscribe endpoint under a crash', () => {
  test('a server killed with SIGKILL in the middle of a stream of subscriptions loses none that it had acknowledged', async () => {
    test.setTimeout(120_000);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'crash-test-'));
    const databaseFile = path.join(dir, 'subscribers.db');
    let server: AppServer | undefined;
    try {
      server = await startAppServer({ DATABASE_URL: databaseFile, MAIL_DIR: path.join(dir, 'mail'), SITE_URL: CRASH_SITE_URL }, CRASH_PORT);
      const running = server;

      const acknowledged: string[] = [];
      /** Answers other than 202 that arrived before the kill: each one is a failure of its own. */
      const unexpected: string[] = [];
      let next = 0;
      let killedAt: number | undefined;
      let failedAfterKill = 0;

      const worker = async () => {
        while (killedAt === undefined) {
          const email = `crash-${next++}@example.org`;
          try {
            const response = await fetch(`${CRASH_SITE_URL}/api/subscribe`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', origin: CRASH_SITE_URL },
              body: JSON.stringify({ email, country: 'mali' }),
              signal: AbortSignal.timeout(15_000),
            });
            const text = await response.text();
            // A 202 is an acknowledgement even if it lands just after the kill: the server sent it.
            if (response.status === 202) acknowledged.push(email);
            else if (killedAt === undefined) unexpected.push(`${email}: ${response.status} ${text}`);
          } catch (error) {
            // Requests in flight when the server died fail; they were never acknowledged.
            if (killedAt === undefined) unexpected.push(`${email}: ${error instanceof Error ? error.message : String(error)}`);
            else failedAfterKill++;
            return;
          }
          if (acknowledged.length >= KILL_AFTER_ACKNOWLEDGEMENTS && killedAt === undefined) {
            killedAt = acknowledged.length;
            running.child.kill('SIGKILL');
          }
        }
      };
      await Promise.all(Array.from({ length: WORKERS }, worker));
      await running.exited;
      expect(running.child.signalCode, 'the server died of SIGKILL, not on its own').toBe('SIGKILL');
      expect(unexpected, `answers before the kill:\n${running.output()}`).toEqual([]);

      test.info().annotations.push({
        type: 'crash',
        description: `${acknowledged.length} acknowledged (${killedAt} when SIGKILL was sent), ${failedAfterKill} requests in flight failed, ${next} sent`,
      });
      expect(acknowledged.length).toBeGreaterThanOrEqual(100);

      const store = await openDatabase(databaseFile);
      try {
        const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(store.db);
        expect(integrity.rows).toEqual([{ integrity_check: 'ok' }]);
        const rows = await store.db.selectFrom('subscribers').select('email').execute();
        const stored = new Set(rows.map((row) => row.email));
        const lost = acknowledged.filter((email) => !stored.has(email));
        expect(lost, `acknowledged with 202 but not in the database (${stored.size} rows stored)`).toEqual([]);
      } finally {
        await store.close();
      }
    } finally {
      await server?.kill();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
