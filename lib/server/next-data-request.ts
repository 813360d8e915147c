import type { IncomingHttpHeaders } from 'node:http';

/**
 * Next's client router asks for a page's data (RSC) at the page's own URL with `RSC: 1`: that
 * answer is Next's to give, never the prerendered document. Next reads only that header to tell
 * (its other router headers count only beside it; its `_rsc` query only busts caches): without
 * it, Next answers the page itself, so the document from the build is the same answer. Any
 * value, not only "1", is left to Next, whose answer for the others is the page. nginx makes the
 * same test (deploy/nginx/crisis-briefings/http.conf).
 */
export const isNextDataRequest = (headers: IncomingHttpHeaders): boolean => Boolean(headers.rsc);
