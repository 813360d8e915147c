/**
 * A token bucket per client, in memory: `limit` posts a minute, refilled continuously. Each
 * instance counts its own clients; behind a load balancer the effective limit is per instance.
 */
export type RateLimiter = { take: (key: string, now?: number) => { allowed: true } | { allowed: false; retryAfterSeconds: number } };

const WINDOW_MS = 60_000;
const MAX_CLIENTS = 50_000;

export function createRateLimiter(limit: number): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key, now = Date.now()) {
      if (limit === 0) return { allowed: true };
      const bucket = buckets.get(key) ?? { tokens: limit, at: now };
      const tokens = Math.min(limit, bucket.tokens + ((now - bucket.at) * limit) / WINDOW_MS);
      if (tokens < 1) {
        buckets.set(key, { tokens, at: now });
        return { allowed: false, retryAfterSeconds: Math.ceil(((1 - tokens) * WINDOW_MS) / limit / 1000) };
      }
      // Bound memory under a flood of distinct addresses: forget the oldest clients first.
      if (!buckets.has(key) && buckets.size >= MAX_CLIENTS) buckets.delete(buckets.keys().next().value ?? '');
      buckets.delete(key);
      buckets.set(key, { tokens: tokens - 1, at: now });
      return { allowed: true };
    },
  };
}
