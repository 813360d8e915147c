/**
 * Runs once when the server starts: the subscription service begins its outbox interval (which
 * also retries failed mail), and the search index starts building. Nothing here waits on the database or the mail server: a rejected
 * promise here would be kept by Next and rethrown on every request, so the store is opened, and
 * retried while it is down, by the service itself.
 */
export async function register() {
  // Not while prerendering pages at build time: the build needs no database.
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { getSubscriptionService } = await import('./lib/subscriptions/subscription-service');
  getSubscriptionService();
  // The search index is built from the loaded content on first use: start it now, in the
  // background, so the first reader to search does not wait; but after the subscriber store has
  // opened (or failed to), since loading is CPU-bound and the store decides whether this instance
  // counts the rate limit with the others. A content problem is the page's to report, so a
  // failure here is dropped (the next search tries again). Not in development, where a page
  // loads only what it shows.
  if (process.env.NODE_ENV !== 'production') return;
  const [{ storeAnswers }, { getContentIn }, { getSearchIndex }, { LOCALES }] = await Promise.all([
    import('./lib/subscriptions/subscription-service'),
    import('./lib/content'),
    import('./lib/search/search-index'),
    import('./lib/i18n/locales'),
  ]);
  void storeAnswers()
    .catch(() => false)
    .then(async () => {
      // Each edition's index (English first), the tree as that edition's search page gets it.
      for (const locale of LOCALES) getSearchIndex(await getContentIn(locale), locale);
    })
    .catch(() => undefined);
}
