import type { SubscriberDb } from '../db/database';
import { isStoreUnavailable, type StoreGate } from '../db/store-gate';
import type { MailTransport } from '../mail/mail-transport';
import { drainOutbox, type OutboxSettings } from './outbox';

export type OutboxSender = {
  drainSoon: () => Promise<void>;
  /**
   * Drains every `intervalMs`. The interval keeps the process running only with `holdsProcessOpen`
   * (the outbox worker, which has nothing else to do); a server's must never keep it from exiting.
   */
  start: (intervalMs: number, options?: { holdsProcessOpen?: boolean }) => void;
  stop: () => Promise<void>;
};

/**
 * Drains the outbox after each commit and on an interval (which also retries failures), after
 * `beforeDrain` (the announcement of new entries, which queues their mail). One
 * drain at a time per process; a request made while one runs is folded into a second pass.
 * Stopping waits for the drain under way, so a message being sent is settled, not abandoned.
 */
export function createOutboxSender(
  store: StoreGate,
  transport: MailTransport,
  settings: OutboxSettings,
  log: (message: string, error?: unknown) => void,
  { enabled = true, beforeDrain }: { enabled?: boolean; beforeDrain?: (store: SubscriberDb) => Promise<void> } = {},
): OutboxSender {
  let running: Promise<void> | undefined;
  let again = false;
  // A process that leaves sending to the outbox worker never drains.
  let stopped = !enabled;
  let timer: NodeJS.Timeout | undefined;

  async function run(): Promise<void> {
    do {
      again = false;
      try {
        const { failed, undeliverable } = await store.run(async (opened) => {
          await beforeDrain?.(opened);
          return drainOutbox(opened, transport, { onMessageError: log, ...settings });
        });
        if (failed > 0) log(`outbox: ${failed} message(s) failed and will be retried`);
        if (undeliverable > 0) log(`outbox: ${undeliverable} address(es) refused for good (5xx); no more mail goes to them`);
      } catch (error) {
        // The store gate has already said the store is down; retried on the next interval.
        if (!isStoreUnavailable(error)) log('outbox: drain failed; will retry', error);
      }
    } while (again && !stopped);
  }

  function drainSoon(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = run().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    drainSoon,
    start(intervalMs, { holdsProcessOpen = false } = {}) {
      if (stopped) return;
      timer ??= setInterval(() => void drainSoon(), intervalMs);
      if (!holdsProcessOpen) timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
