/**
 * Runs once when the server starts, before it takes traffic: the subscriber store is opened and
 * migrated, and the outbox sender begins its interval (it also retries failed mail).
 */
export async function register() {
  // Not while prerendering pages at build time: the build needs no database.
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { getSubscriptionService } = await import('./lib/subscriptions/subscription-service');
  await getSubscriptionService();
}
