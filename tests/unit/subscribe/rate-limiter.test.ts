import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientAddress, rateLimitKey } from '@/lib/subscribe/client-address';
import { createStoreGate } from '@/lib/db/store-gate';
import { createRateLimiter } from '@/lib/subscribe/rate-limiter';
import { onEachBackend } from '../subscriptions/backends';

const takes = async (limiter: ReturnType<typeof createRateLimiter>, key: string, count: number) => {
  const answers = [];
  for (let index = 0; index < count; index += 1) answers.push((await limiter.take(key)).allowed);
  return answers;
};

afterEach(() => {
  vi.useRealTimers();
});

describe('the subscribe rate limit', () => {
  it('lets a client post `limit` times a minute, then says when to come back', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const limiter = createRateLimiter(3);
    expect(await takes(limiter, 'a', 3)).toEqual([true, true, true]);
    const refused = await limiter.take('a');
    expect(refused.allowed).toBe(false);
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    // Another client is not affected; the first may post again once its minute is over.
    expect((await limiter.take('b')).allowed).toBe(true);
    vi.setSystemTime(Date.now() + 61_000);
    expect((await limiter.take('a')).allowed).toBe(true);
  });

  it('counts in memory when the store cannot be opened, rather than refusing or letting every post through', async () => {
    // A SQLite file whose folder is a file: opening it fails at once.
    const gate = createStoreGate('/dev/null/subscribers.db', { log: () => {} });
    try {
      const limiter = createRateLimiter(2, gate.opened);
      expect(await takes(limiter, 'd', 3)).toEqual([true, true, false]);
      expect(gate.health().state).toBe('down');
    } finally {
      await gate.close();
    }
  });

  it('is off at 0', async () => {
    const limiter = createRateLimiter(0);
    expect((await takes(limiter, 'a', 1000)).every(Boolean)).toBe(true);
  });
});

onEachBackend('the rate limit shared through the store', (store, place) => {
  it('counts a client’s posts across instances, so N instances do not allow N times the limit', async () => {
    // Two instances of the app, each with its own limiter, over the same store.
    const first = createRateLimiter(3, async () => store());
    const second = createRateLimiter(3, async () => store());
    const answers = [];
    for (let index = 0; index < 6; index += 1) answers.push((await (index % 2 ? second : first).take('198.51.100.7')).allowed);
    expect(answers).toEqual([true, true, true, false, false, false]);
    expect((await second.take('198.51.100.8')).allowed).toBe(true);
  });

  it('counts on the shared store from an instance’s first post, before anything else has opened it', async (context) => {
    // Two freshly started instances: each has its own gate, and nothing has opened the store yet.
    const gates = [createStoreGate(place.location(), { log: () => {} }), createStoreGate(place.location(), { log: () => {} })];
    context.onTestFinished(async () => {
      await Promise.all(gates.map((gate) => gate.close()));
    });
    const limiters = gates.map((gate) => createRateLimiter(3, gate.opened));
    const answers = [];
    for (let index = 0; index < 6; index += 1) answers.push((await limiters[index % 2]!.take('198.51.100.9')).allowed);
    expect(answers).toEqual([true, true, true, false, false, false]);
  });

  it('still limits, in memory, when the store fails', async () => {
    const limiter = createRateLimiter(2, async () => store());
    await store().close();
    expect(await takes(limiter, 'c', 3)).toEqual([true, true, false]);
  });
});

describe('the client address', () => {
  const headers = (forwardedFor: string) => new Headers({ 'x-forwarded-for': forwardedFor });

  it('is the connection address when no proxy is trusted (the server drops a client’s own header)', () => {
    expect(clientAddress(headers('203.0.113.9'), 0)).toBe('203.0.113.9');
  });

  it('is what the first trusted proxy saw, whatever the client prepended', () => {
    expect(clientAddress(headers('6.6.6.6, 203.0.113.9'), 1)).toBe('203.0.113.9');
    expect(clientAddress(headers('6.6.6.6, 203.0.113.9, 10.0.0.2'), 2)).toBe('203.0.113.9');
  });

  it('falls back to one shared key rather than failing', () => {
    expect(clientAddress(new Headers(), 0)).toBe('unknown');
  });

  it('counts an IPv6 client by its /64, however the address is written', () => {
    const key = rateLimitKey('2001:db8:85a3:1234:1:2:3:4');
    expect(key).toBe('2001:db8:85a3:1234::/64');
    expect(rateLimitKey('2001:0db8:85a3:1234:ffff::9')).toBe(key);
    expect(rateLimitKey('[2001:db8:85a3:1234::1]')).toBe(key);
    expect(rateLimitKey('2001:db8:85a3:1235::1')).not.toBe(key);
    expect(rateLimitKey('::1')).toBe('0:0:0:0::/64');
    expect(rateLimitKey('::ffff:192.0.2.33')).toBe('192.0.2.33');
  });
});
