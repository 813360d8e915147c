import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '@/lib/db/database';
import { requestSubscription } from '@/lib/subscriptions/subscriber-store';
import { eventually, spawnWatched, waitForOutput } from '../../e2e/support/app-server';

/** Whether a message to `email` is in the mail folder (each is an .eml file naming its recipient). */
async function mailFor(mailDir: string, email: string): Promise<boolean> {
  for (const file of await readdir(mailDir)) if ((await readFile(path.join(mailDir, file), 'utf8')).includes(email)) return true;
  return false;
}

describe('npm run outbox:worker', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'outbox-worker-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const mailDir = path.join(dir, 'mail');
  const env = {
    ...process.env,
    DATABASE_URL: path.join(dir, 'subscribers.db'),
    MAIL_DIR: mailDir,
    OUTBOX_INTERVAL_MS: '200',
    NEXT_DIST_DIR: path.relative(process.cwd(), path.join(dir, 'no-build')),
  };

  it('keeps sending until it is stopped: a subscription made after its first messages is mailed too, and SIGTERM ends it with 0', async () => {
    const store = await openDatabase(env.DATABASE_URL);
    await migrateToLatest(store.db);
    const worker = spawnWatched(path.resolve('node_modules/.bin/tsx'), ['lib/cli/outbox-worker.ts'], { cwd: process.cwd(), env });
    try {
      await waitForOutput(worker, 'Outbox worker sending every', 20_000);
      for (const email of ['first@example.org', 'later@example.org']) {
        await requestSubscription(store, { email, countries: ['mali'] }, new Date());
        await eventually(() => mailFor(mailDir, email), 20_000, `${email}'s confirmation is sent`).catch((error: Error) => {
          throw new Error(`${error.message}; the worker ${worker.child.exitCode === null ? 'runs' : `exited with code ${worker.child.exitCode}`} and printed:\n${worker.output()}`);
        });
      }
    } finally {
      await worker.stop();
      await store.close();
    }
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    expect(worker.output()).toContain('SIGTERM: finishing the message under way');
  }, 60_000);
});
