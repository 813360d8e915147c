import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStoreGate, isStoreUnavailable, type StoreGate } from '@/lib/db/store-gate';
import { requestSubscription } from '@/lib/subscriptions/subscriber-store';
import { holdSqliteWriteLock, type WriteLock } from '../../support/sqlite-write-lock';

let dir: string;
let gate: StoreGate | undefined;
let lock: WriteLock | undefined;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'write-lock-'));
});

afterEach(async () => {
  await lock?.release();
  lock = undefined;
  await gate?.close();
  gate = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** A gate over a SQLite file already opened and migrated (as a running server's is), and a write through it. */
async function openedGate(timeoutMs: number) {
  const file = path.join(dir, 'subscribers.db');
  gate = createStoreGate(file, { timeoutMs, probeIntervalMs: 50, log: () => {} });
  let count = 0;
  const subscribe = () => gate!.run((store) => requestSubscription(store, { email: `reader-${(count += 1)}@example.org`, countries: ['mali'] }, new Date()));
  await subscribe();
  return { file, subscribe };
}

/** Counts the event loop's turns while `work` is under way: zero means it was frozen the whole time. */
async function turnsDuring(work: Promise<unknown>): Promise<number> {
  let turns = 0;
  const ticker = setInterval(() => (turns += 1), 1);
  await work.catch(() => {});
  clearInterval(ticker);
  return turns;
}

describe('another process holding the SQLite write lock', () => {
  it('never freezes the event loop: a write waits for the lock without blocking, and is stored once it is released', { timeout: 30_000 }, async () => {
    const { file, subscribe } = await openedGate(10_000);
    lock = await holdSqliteWriteLock(file);
    const write = subscribe();
    // Releasing the lock needs the event loop; a synchronous busy wait would hold it until the write failed.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await lock.release();
    await expect(write).resolves.toEqual({ queued: true });
  });

  it('is an outage once it outlasts the timeout: the write is refused as the store being unavailable, the loop turning meanwhile, and writes work again after', async () => {
    const { file, subscribe } = await openedGate(300);
    lock = await holdSqliteWriteLock(file);
    const write = subscribe();
    const refusal = write.catch((error: unknown) => error);
    expect(await turnsDuring(write)).toBeGreaterThan(0);
    expect(isStoreUnavailable(await refusal)).toBe(true);
    await lock.release();
    await vi.waitFor(() => subscribe(), { timeout: 5_000, interval: 100 });
  });
});
