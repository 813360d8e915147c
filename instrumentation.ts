/**
 * Runs once when the server starts: the subscription service begins its outbox interval (which
 * also retries failed mail). Nothing here waits on the database or the mail server: a rejected
 * promise here would be kept by Next and rethrown on every request, so the store is opened, and
 * retried while it is down, by the service itself.
 */
export async function register() {
  // Not while prerendering pages at build time: the build needs no database.
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { getSubscriptionService } = await import('./lib/subscriptions/subscription-service');
  getSubscriptionService();
}
