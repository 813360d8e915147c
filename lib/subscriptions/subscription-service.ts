import { getSettings } from '../config/settings';
import { getCountries } from '../content';
import { pingDatabase, type SubscriberDb } from '../db/database';
import { createStoreGate, isStoreUnavailable, type StoreGate } from '../db/store-gate';
import { createFileTransport, createSmtpTransport, type MailTransport } from '../mail/mail-transport';
import { onShutdown } from '../server/lifecycle';
import { createRateLimiter, type RateLimiter } from '../subscribe/rate-limiter';
import path from 'node:path';
import { createOutboxSender, type OutboxSender } from './outbox-sender';
import { createAnnouncer, updateContentOf } from './update-announcer';
import { createSubscriptionWriter, type SubscriptionWriter } from './subscription-writer';

export type SubscriptionService = {
  /** The store, behind its gate: opened and migrated on first use, retried while down. */
  store: StoreGate;
  transport: MailTransport;
  sender: OutboxSender;
  /** Records subscriptions, committed in groups under load. */
  writer: SubscriptionWriter;
  rateLimiter: RateLimiter;
};

/**
 * Next bundles this module separately into instrumentation, route handlers and pages, so a
 * module-level variable would exist once per bundle: several pools and several outbox timers
 * in one process. The service lives on globalThis instead, once per process.
 */
const SERVICE = Symbol.for('crisis-briefings.subscription-service');
type ServiceHolder = { [SERVICE]?: SubscriptionService };

/**
 * The process's subscription service. Creating it touches nothing outside the process (the
 * store is opened on first use), so it cannot fail because a database or mail server is down.
 */
export function getSubscriptionService(): SubscriptionService {
  const holder = globalThis as ServiceHolder;
  holder[SERVICE] ??= createSubscriptionService({ sendsMail: getSettings().OUTBOX_SENDER === 'server' });
  return holder[SERVICE];
}

/**
 * `sendsMail`: whether this process drains the outbox. Servers do by default; with
 * OUTBOX_SENDER=worker they only queue mail and `npm run outbox:worker` sends it.
 * `holdsProcessOpen`: the outbox worker, which nothing but the outbox's interval keeps running.
 */
export function createSubscriptionService({ sendsMail, holdsProcessOpen = false }: { sendsMail: boolean; holdsProcessOpen?: boolean }): SubscriptionService {
  const settings = getSettings();
  const log = (message: string, error?: unknown) => (error ? console.error(message, error) : console.info(message));
  const store = createStoreGate(settings.DATABASE_URL, {
    timeoutMs: settings.DATABASE_TIMEOUT_MS,
    poolSize: settings.DATABASE_POOL_SIZE,
    applicationName: `crisis-briefings pid ${process.pid}`,
    log: (message) => console.warn(message),
  });
  const transport = settings.SMTP_URL ? createSmtpTransport(settings.SMTP_URL, settings.SMTP_TIMEOUT_MS) : createFileTransport(settings.MAIL_DIR, log);
  const sender = createOutboxSender(
    store,
    transport,
    {
      siteUrl: settings.SITE_URL,
      siteName: settings.SITE_NAME,
      from: settings.MAIL_FROM,
      confirmTtlHours: settings.CONFIRM_TOKEN_TTL_HOURS,
      ratePerSecond: settings.MAIL_RATE_PER_SECOND,
      updateContent: updateContentOf,
      countries: (locale) => getCountries(locale),
    },
    log,
    // The process that sends mail is the one that announces new entries (the servers, or the worker).
    { enabled: sendsMail, beforeDrain: createAnnouncer(path.resolve(settings.NEXT_DIST_DIR), log) },
  );
  // While the store is down the limiter counts in memory rather than waiting on it.
  const rateLimiter = createRateLimiter(settings.SUBSCRIBE_RATE_LIMIT, store.opened);
  sender.start(settings.OUTBOX_INTERVAL_MS, { holdsProcessOpen });
  void sender.drainSoon();
  onShutdown('subscriptions', async () => {
    await sender.stop();
    transport.close();
    await store.close();
  });
  return { store, transport, sender, writer: createSubscriptionWriter(store), rateLimiter };
}

/** For pages: what `work` reads from the store, or 'unavailable' while the store is down. */
export async function readStoreForPage<T>(work: (store: SubscriberDb) => Promise<T>): Promise<T | 'unavailable'> {
  try {
    return await getSubscriptionService().store.run(work);
  } catch (error) {
    if (isStoreUnavailable(error)) return 'unavailable';
    throw error;
  }
}

/** Whether the store answers now (within its timeout); pages that need it are served as 503 when not. */
export async function storeAnswers(): Promise<boolean> {
  return (await readStoreForPage(pingDatabase)) !== 'unavailable';
}
