import { migrateToLatest, openDatabase, pingDatabase, type DatabaseOptions, type SubscriberDb } from './database';
import { asStoreFault, isStoreFault } from './store-fault';

const BRAND = Symbol.for('crisis-briefings.store-unavailable');

/**
 * The store cannot be reached (or answered too slowly): the caller answers 503 and stores
 * nothing. The gate lives once per process while Next bundles this module into several chunks,
 * each with its own copy of the class, so callers test with `isStoreUnavailable`, not instanceof.
 */
export class StoreUnavailableError extends Error {
  readonly [BRAND] = true;
  constructor(
    readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super('The subscriber store is unavailable', options);
    this.name = 'StoreUnavailableError';
  }
}

export function isStoreUnavailable(error: unknown): error is StoreUnavailableError {
  return typeof error === 'object' && error !== null && BRAND in error;
}

/** Retry-After for a failed write: the store's own figure, or a minute for any other failure. */
export const retryAfterFor = (error: unknown): number => (isStoreUnavailable(error) ? error.retryAfterSeconds : 60);

/** What a client that was refused is told to wait (Retry-After): about how long an outage is noticed to be over. */
export const STORE_RETRY_AFTER_SECONDS = 30;

export type StoreHealth = { state: 'unknown' | 'up' | 'down'; since: string; lastError?: string };

export type StoreGate = {
  /**
   * Runs `work` against the opened, migrated store. A failure of the store itself becomes
   * StoreUnavailableError (and the gate closes); any other error is passed on as it is.
   */
  run: <T>(work: (store: SubscriberDb) => Promise<T>) => Promise<T>;
  /**
   * The opened, migrated store, opening it first if no one has yet (the shared rate limit waits
   * for it as a post does); undefined while it is down or closed, or if opening it fails.
   */
  opened: () => Promise<SubscriberDb | undefined>;
  health: () => StoreHealth;
  close: () => Promise<void>;
};

type GateOptions = DatabaseOptions & {
  /** While the store is down, requests fail at once and one probe a this often checks whether it is back. */
  probeIntervalMs?: number;
  log?: (message: string) => void;
};

/**
 * The one way into the subscriber store. Opening and migrating happen on first use, never at
 * start-up, so an unreachable store cannot stop the server from serving pages; a failure is not
 * remembered as an error, only as "down", and the store is tried again: once the probe finds it
 * answering, everything recovers without a restart. While it is down, callers are refused at once
 * instead of each waiting for a timeout.
 */
export function createStoreGate(url: string, options: GateOptions = {}): StoreGate {
  const probeIntervalMs = options.probeIntervalMs ?? 2_000;
  const log = options.log ?? ((message: string) => console.warn(message));
  let store: SubscriberDb | undefined;
  let opening: Promise<SubscriberDb> | undefined;
  let health: StoreHealth = { state: 'unknown', since: new Date().toISOString() };
  let probe: NodeJS.Timeout | undefined;
  let closed = false;

  function markUp() {
    if (health.state !== 'up') {
      if (health.state === 'down') log('database: reachable again');
      health = { state: 'up', since: new Date().toISOString() };
    }
  }

  function markDown(error: unknown) {
    const lastError = error instanceof Error ? error.message : String(error);
    if (health.state !== 'down') {
      log(`database: unavailable (${lastError}); answering 503 until it is back`);
      health = { state: 'down', since: new Date().toISOString(), lastError };
    }
    probe ??= setInterval(() => void probeOnce(), probeIntervalMs).unref();
  }

  async function probeOnce() {
    try {
      await pingDatabase(await open());
      if (probe) clearInterval(probe);
      probe = undefined;
      markUp();
    } catch {
      // Still down; the next probe tries again.
    }
  }

  async function open(): Promise<SubscriberDb> {
    if (store) return store;
    opening ??= asStoreFault(async () => {
      const opened = await openDatabase(url, options);
      try {
        await migrateToLatest(opened.db);
      } catch (error) {
        await opened.close().catch(() => {});
        throw error;
      }
      store = opened;
      return opened;
    }).finally(() => {
      opening = undefined;
    });
    return opening;
  }

  async function run<T>(work: (store: SubscriberDb) => Promise<T>): Promise<T> {
    if (closed) throw new StoreUnavailableError(STORE_RETRY_AFTER_SECONDS);
    if (health.state === 'down') throw new StoreUnavailableError(STORE_RETRY_AFTER_SECONDS, { cause: new Error(health.lastError) });
    try {
      const result = await work(await open());
      markUp();
      return result;
    } catch (error) {
      // A bug or bad input in `work` (a date out of range, say) is not an outage: its caller reports it.
      if (!isStoreFault(error)) throw error;
      markDown(error);
      throw new StoreUnavailableError(STORE_RETRY_AFTER_SECONDS, { cause: error });
    }
  }

  return {
    run,
    opened: () => run(async (opened) => opened).catch(() => undefined),
    health: () => health,
    async close() {
      closed = true;
      if (probe) clearInterval(probe);
      const pending = opening ? await opening.catch(() => undefined) : undefined;
      await (store ?? pending)?.close();
      store = undefined;
    },
  };
}
