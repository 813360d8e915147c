import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStoreGate, isStoreUnavailable, type StoreGate } from '@/lib/db/store-gate';
import { createOutboxSender } from '@/lib/subscriptions/outbox-sender';
import { requestSubscription } from '@/lib/subscriptions/subscriber-store';
import { recordingTransport } from '../subscriptions/recording-transport';

const SETTINGS = { siteUrl: 'https://briefings.example.org', siteName: 'Crisis Briefings', from: 'Briefings <updates@example.org>', confirmTtlHours: 48 };

let dir: string;
let gate: StoreGate;
let warnings: string[];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'gate-'));
  warnings = [];
  gate = createStoreGate(path.join(dir, 'subscribers.db'), { log: (message) => warnings.push(message) });
});

afterEach(async () => {
  await gate.close();
  await rm(dir, { recursive: true, force: true });
});

const subscribe = (email: string) => gate.run((store) => requestSubscription(store, { email, countries: ['mali'] }, new Date()));

describe('the store gate', () => {
  it('stays open when work fails for a reason of its own: the error is passed on as it is, and the store is not called unavailable', async () => {
    await subscribe('first@example.org');
    const failure = await gate.run(() => Promise.reject(new RangeError('Invalid time value'))).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RangeError);
    expect(isStoreUnavailable(failure)).toBe(false);
    expect(gate.health().state).toBe('up');
    expect(warnings.join('\n')).not.toContain('unavailable');
    await expect(subscribe('second@example.org')).resolves.toEqual({ queued: true });
  });

  it('closes for the store’s own failures', async () => {
    await subscribe('first@example.org');
    const failure = await gate.run(({ db }) => db.selectFrom('no_such_table' as 'outbox').selectAll().execute()).catch((error: unknown) => error);
    expect(isStoreUnavailable(failure)).toBe(true);
    expect(gate.health().state).toBe('down');
  });
});

describe('a confirmation that cannot be made (CONFIRM_TOKEN_TTL_HOURS=1e10: "Invalid time value")', () => {
  it('is retried later on its own row, logged as what it is; the other messages go out and the store stays available', async () => {
    await subscribe('unlucky@example.org');
    await subscribe('lucky@example.org');
    const transport = recordingTransport();
    const logged: { message: string; error?: unknown }[] = [];
    let calls = 0;
    // The first confirmation's country names cannot be had; the second's can.
    const countries = async () => {
      calls += 1;
      if (calls === 1) throw new RangeError('Invalid time value');
      return [{ slug: 'mali', name: 'Mali' }];
    };
    const sender = createOutboxSender(gate, transport, { ...SETTINGS, countries }, (message, error) => logged.push({ message, error }));
    await sender.drainSoon();
    await sender.stop();
    expect(transport.sent).toHaveLength(1);
    expect(gate.health().state).toBe('up');
    expect(logged.some(({ error }) => error instanceof RangeError)).toBe(true);
    const rows = await gate.run(({ db }) => db.selectFrom('outbox').select(['sent_at', 'last_error', 'claimed_until', 'next_attempt_at']).execute());
    const retried = rows.find((row) => row.sent_at === null);
    expect(retried).toMatchObject({ last_error: 'Invalid time value', claimed_until: null });
    expect(new Date(retried!.next_attempt_at).getTime()).toBeGreaterThan(Date.now());
    await expect(subscribe('after@example.org')).resolves.toEqual({ queued: true });
  });
});
