import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '@/lib/db/database';
import { drainOutbox } from '@/lib/subscriptions/outbox';
import { confirmSubscription, requestSubscription } from '@/lib/subscriptions/subscriber-store';
import { linksOf, recordingTransport } from '../subscriptions/recording-transport';

const run = promisify(execFile);

describe('npm run subscribers -- export', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'export-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const databaseUrl = path.join(dir, 'subscribers.db');

  it('prints the confirmed subscribers, and only them, as CSV: real addresses as they are, formulas guarded', async () => {
    const store = await openDatabase(databaseUrl);
    await migrateToLatest(store.db);
    const transport = recordingTransport();
    const at = new Date('2026-03-01T10:00:00Z');
    for (const email of ['ana@example.org', 'pending@example.org', '=cmd@example.org', '-reader@example.org', '+news@example.org']) await requestSubscription(store, { email, countries: ['mali'] }, at);
    await drainOutbox(store, transport, { siteUrl: 'https://x.example', siteName: 'X', from: 'x@example.org', confirmTtlHours: 48 }, () => at);
    for (const message of transport.sent.filter((sent) => sent.to !== 'pending@example.org')) await confirmSubscription(store, linksOf(message).confirm, at);
    await store.close();

    const { stdout } = await run(path.resolve('node_modules/.bin/tsx'), ['lib/cli/subscribers.ts', 'export'], { env: { ...process.env, DATABASE_URL: databaseUrl } });
    expect(stdout.split('\r\n')).toEqual([
      'email,countries,confirmed_at,undeliverable_at',
      '+news@example.org,mali,2026-03-01T10:00:00.000Z,',
      '-reader@example.org,mali,2026-03-01T10:00:00.000Z,',
      "'=cmd@example.org,mali,2026-03-01T10:00:00.000Z,",
      'ana@example.org,mali,2026-03-01T10:00:00.000Z,',
      '',
    ]);
  });
});
