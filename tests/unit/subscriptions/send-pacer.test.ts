import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSendPacer } from '@/lib/subscriptions/send-pacer';

describe('the send pacer (MAIL_RATE_PER_SECOND)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lets messages start 1000 / rate ms apart, however many ask at once', async () => {
    const pacer = createSendPacer(10);
    const started: number[] = [];
    const waits = [0, 1, 2, 3].map((index) => pacer.next().then(() => started.push(index)));
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([0]);
    await vi.advanceTimersByTimeAsync(100);
    expect(started).toEqual([0, 1]);
    await vi.advanceTimersByTimeAsync(199);
    expect(started).toEqual([0, 1, 2]);
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all(waits);
    expect(started).toEqual([0, 1, 2, 3]);
    // A claim of 50 messages must outlast the 5 s they may wait for their turn.
    expect(pacer.delayForMs(50)).toBe(5_000);
  });

  it('does not wait at all when pacing is off (0)', async () => {
    const pacer = createSendPacer(0);
    let done = 0;
    await Promise.all([1, 2, 3].map(() => pacer.next().then(() => (done += 1))));
    expect(done).toBe(3);
    expect(pacer.delayForMs(50)).toBe(0);
  });
});
