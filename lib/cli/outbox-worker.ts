import { settingsOrExit } from '../config/settings';
import { runShutdownHooks } from '../server/lifecycle';
import { createSubscriptionService } from '../subscriptions/subscription-service';

/**
 * `npm run outbox:worker`: sends queued mail (confirmations) and nothing else, for deployments
 * where the servers run with OUTBOX_SENDER=worker so that answering readers never waits on mail.
 * Several workers may run at once: they share the queue without sending anything twice. SIGTERM
 * lets the message being sent finish, then exits.
 */
function main(): void {
  const settings = settingsOrExit('outbox worker');
  // Runs until SIGTERM: the outbox's interval holds the process open (a server's does not).
  createSubscriptionService({ sendsMail: true, holdsProcessOpen: true });
  console.log(`Outbox worker sending every ${settings.OUTBOX_INTERVAL_MS} ms (and retrying failures) from ${settings.DATABASE_URL.replace(/\/\/[^@/]*@/, '//…@')}`);
  const stop = (signal: string) => {
    console.log(`${signal}: finishing the message under way`);
    void runShutdownHooks(settings.SHUTDOWN_TIMEOUT_MS).then(() => process.exit(0));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main();
