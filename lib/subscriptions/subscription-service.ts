import { getSiteConfig } from '../config/site-config';
import { getSubscriptionConfig } from '../config/subscription-config';
import { migrateToLatest, openDatabase, type SubscriberDb } from '../db/database';
import { createFileTransport, createSmtpTransport, type MailTransport } from '../mail/mail-transport';
import { createOutboxSender, type OutboxSender } from './outbox-sender';

export type SubscriptionService = { store: SubscriberDb; transport: MailTransport; sender: OutboxSender };

let service: Promise<SubscriptionService> | undefined;

/**
 * The process's store, mail transport and outbox sender, configured from the environment and
 * migrated before first use. Instrumentation starts it with the server, before traffic.
 */
export function getSubscriptionService(): Promise<SubscriptionService> {
  service ??= createService().catch((error: unknown) => {
    service = undefined;
    throw error;
  });
  return service;
}

async function createService(): Promise<SubscriptionService> {
  const config = getSubscriptionConfig();
  const site = getSiteConfig();
  const store = await openDatabase(config.DATABASE_URL);
  await migrateToLatest(store.db);
  const log = (message: string, error?: unknown) => (error ? console.error(message, error) : console.info(message));
  const transport = config.SMTP_URL ? createSmtpTransport(config.SMTP_URL) : createFileTransport(config.MAIL_DIR, log);
  const sender = createOutboxSender(store, transport, { siteUrl: site.SITE_URL, siteName: site.SITE_NAME, from: config.MAIL_FROM, confirmTtlHours: config.CONFIRM_TOKEN_TTL_HOURS }, log);
  sender.start(config.OUTBOX_INTERVAL_MS);
  void sender.drainSoon();
  return { store, transport, sender };
}
