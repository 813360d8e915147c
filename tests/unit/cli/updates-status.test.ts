import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '@/lib/db/database';
import { requestSubscription } from '@/lib/subscriptions/subscriber-store';

const run = promisify(execFile);

describe('npm run updates -- status', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'updates-status-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const env = { ...process.env, DATABASE_URL: path.join(dir, 'subscribers.db'), CONTENT_DIR: 'tests/fixtures/valid', NEXT_DIST_DIR: path.relative(process.cwd(), path.join(dir, 'no-build')) };
  const status = async () => (await run(path.resolve('node_modules/.bin/tsx'), ['lib/cli/updates.ts', 'status'], { env })).stdout;

  it('lists the subscribers who follow no country, says what that means and what an operator can do', async () => {
    const store = await openDatabase(env.DATABASE_URL);
    await migrateToLatest(store.db);
    await requestSubscription(store, { email: 'follows@example.org', countries: ['freedonia'] }, new Date('2026-03-01T10:00:00Z'));
    // As the old Subscribe page stored it: no country.
    await requestSubscription(store, { email: 'nothing@example.org' }, new Date('2026-03-02T10:00:00Z'));
    await store.close();
    const printed = await status();
    expect(printed).toContain('1 subscriber follows no country and so receives no update mail');
    expect(printed).toContain('they can subscribe again on /subscribe with the same address');
    expect(printed).toMatch(/email\s+status\s+since\nnothing@example\.org\s+pending\s+2026-03-02T10:00:00\.000Z/);
    expect(printed).not.toContain('follows@example.org');
  }, 20_000);
});
