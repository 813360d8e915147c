import type { StoreGate } from '../db/store-gate';
import { isStoreUnavailable } from '../db/store-gate';
import { requestSubscription, requestSubscriptions, type SubscriptionRequest } from './subscriber-store';

export type SubscriptionWriter = {
  /** Resolves once the request is committed (with the others of its group); rejects if it was not. */
  record: (request: SubscriptionRequest) => Promise<{ queued: boolean }>;
};

type Waiting = { request: SubscriptionRequest; resolve: (result: { queued: boolean }) => void; reject: (error: unknown) => void };

const MAX_GROUP = 100;

/**
 * Group commit: subscriptions that arrive while a group is being committed are written together in
 * the next transaction, so one commit (one fsync on SQLite) acknowledges many posts under load and
 * exactly one when the site is quiet, with no waiting for a timer. Each post is still answered
 * only after its own row is committed. If a group fails for a reason other than the store being
 * down, each of its requests is retried alone, so one bad request cannot fail the others.
 */
export function createSubscriptionWriter(store: StoreGate, now: () => Date = () => new Date()): SubscriptionWriter {
  const queue: Waiting[] = [];
  let writing = false;

  async function writeGroups(): Promise<void> {
    writing = true;
    try {
      while (queue.length > 0) {
        const group = queue.splice(0, MAX_GROUP);
        try {
          const results = await store.run((opened) => requestSubscriptions(opened, group.map((waiting) => waiting.request), now()));
          group.forEach((waiting, index) => waiting.resolve(results[index] ?? { queued: false }));
        } catch (error) {
          if (isStoreUnavailable(error) || group.length === 1) group.forEach((waiting) => waiting.reject(error));
          else await Promise.all(group.map((waiting) => store.run((opened) => requestSubscription(opened, waiting.request, now())).then(waiting.resolve, waiting.reject)));
        }
      }
    } finally {
      writing = false;
    }
  }

  return {
    record(request) {
      return new Promise((resolve, reject) => {
        queue.push({ request, resolve, reject });
        // Posts that arrive in the same turn of the event loop join this group.
        if (!writing) {
          writing = true;
          setImmediate(() => void writeGroups());
        }
      });
    },
  };
}
