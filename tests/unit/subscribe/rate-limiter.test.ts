import { describe, expect, it } from 'vitest';
import { clientAddress } from '@/lib/subscribe/client-address';
import { createRateLimiter } from '@/lib/subscribe/rate-limiter';

describe('the subscribe rate limit', () => {
  it('lets a client post `limit` times a minute, then says when to come back', () => {
    const limiter = createRateLimiter(3);
    const at = 1_000_000;
    expect([1, 2, 3].map(() => limiter.take('a', at).allowed)).toEqual([true, true, true]);
    expect(limiter.take('a', at)).toEqual({ allowed: false, retryAfterSeconds: 20 });
    // Another client is not affected; the first gets a post back as the minute passes.
    expect(limiter.take('b', at).allowed).toBe(true);
    expect(limiter.take('a', at + 20_000).allowed).toBe(true);
  });

  it('is off at 0', () => {
    const limiter = createRateLimiter(0);
    expect(Array.from({ length: 1000 }, () => limiter.take('a').allowed).every(Boolean)).toBe(true);
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
});
