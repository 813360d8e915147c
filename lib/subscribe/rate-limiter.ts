import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, RateLimiterSQLite, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { SubscriberDb } from '../db/database';

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** `limit` posts a minute per client key. */
export type RateLimiter = { take: (key: string) => Promise<RateLimitDecision> };

const WINDOW_SECONDS = 60;
const TABLE = 'rate_limits';
const PRUNE_EVERY_MS = 5 * 60_000;

/**
 * Counts posts per client in the subscriber store (rate-limiter-flexible over the same SQLite
 * file or PostgreSQL database), so every instance behind a load balancer shares one count and the
 * limit is the setting, not the setting times the instances. `sharedStore` waits for a store that
 * is being opened (a freshly started instance's first posts count there too) and gives nothing
 * while it is down: then, or while a count in it fails, this instance counts in memory instead,
 * so a store outage never turns into a refusal of its own, nor into no limit at all.
 */
export function createRateLimiter(limit: number, sharedStore: () => Promise<SubscriberDb | undefined> = async () => undefined): RateLimiter {
  if (limit === 0) return { take: async () => ({ allowed: true }) };
  const options = { points: limit, duration: WINDOW_SECONDS, keyPrefix: 'subscribe' };
  const memory = new RateLimiterMemory(options);
  const shared = new WeakMap<SubscriberDb, RateLimiterAbstract>();
  let prunedAt = Date.now();

  function limiterFor(store: SubscriberDb | undefined): RateLimiterAbstract {
    if (!store) return memory;
    let limiter = shared.get(store);
    if (!limiter) {
      // The table comes from our migrations; the library's own timers are off (its SQLite
      // clean-up throws into a timer when the database is busy or closed); we prune below.
      const storeOptions = { ...options, tableName: TABLE, tableCreated: true, clearExpiredByTimeout: false, insuranceLimiter: memory };
      limiter =
        store.raw.dialect === 'postgres'
          ? new RateLimiterPostgres({ ...storeOptions, storeClient: store.raw.pool, storeType: 'pool' })
          : new RateLimiterSQLite({ ...storeOptions, storeClient: store.raw.sqlite, storeType: 'better-sqlite3' });
      shared.set(store, limiter);
    }
    return limiter;
  }

  return {
    async take(key) {
      const store = await sharedStore();
      try {
        await limiterFor(store).consume(key);
        return { allowed: true };
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
      } finally {
        if (store && Date.now() - prunedAt > PRUNE_EVERY_MS) {
          prunedAt = Date.now();
          void pruneExpired(store);
        }
      }
    },
  };
}

/** Forgets counts whose minute ended over an hour ago; a failure only means trying again later. */
async function pruneExpired({ db }: SubscriberDb): Promise<void> {
  await db
    .deleteFrom('rate_limits')
    .where('expire', '<', Date.now() - 3_600_000)
    .execute()
    .catch(() => {});
}
