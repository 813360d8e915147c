import type { SubscriberDb } from '../db/database';
import type { MailTransport } from '../mail/mail-transport';
import { drainOutbox, type OutboxSettings } from './outbox';

export type OutboxSender = { drainSoon: () => Promise<void>; start: (intervalMs: number) => void; stop: () => void };

/**
 * Drains the outbox after each commit and on an interval (which also retries failures). One
 * drain at a time per process; a request made while one runs is folded into a second pass.
 */
export function createOutboxSender(store: SubscriberDb, transport: MailTransport, settings: OutboxSettings, log: (message: string, error?: unknown) => void): OutboxSender {
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  async function run(): Promise<void> {
    do {
      again = false;
      try {
        const { failed } = await drainOutbox(store, transport, settings);
        if (failed > 0) log(`outbox: ${failed} message(s) failed and will be retried`);
      } catch (error) {
        log('outbox: drain failed; will retry', error);
      }
    } while (again);
  }

  function drainSoon(): Promise<void> {
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
    start(intervalMs) {
      timer ??= setInterval(() => void drainSoon(), intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
