import { NextResponse, type NextRequest } from 'next/server';
import { STORE_RETRY_AFTER_SECONDS } from './lib/db/store-gate';
import { SEARCH_PATH } from './lib/paths';
import { isAnswerableSearch } from './lib/search/search-query';
import { isUnavailableResult } from './lib/subscribe/subscribe-result';
import { storeAnswers } from './lib/subscriptions/subscription-service';

/**
 * While the subscriber store is down, the pages that need it (and the result page that says
 * so) are served with 503 and Retry-After, in the site's frame, so a reader is told to come back
 * and a crawler or monitor sees an outage, not a page that worked. A search the page cannot
 * answer (a bad filter or page number, a query too long) is served as the same page with 400. Only requests without a body
 * come here (see the matcher): Next copies the body of every request a proxy sees, and a client
 * that aborts its upload would fill the log with that copy's failure.
 */
export async function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next();
  if (pathname === SEARCH_PATH) return (await isAnswerableSearch(searchParams)) ? NextResponse.next() : NextResponse.rewrite(request.nextUrl, { status: 400 });
  const unavailable = pathname === '/subscribe' ? isUnavailableResult(searchParams.get('result')) : !(await storeAnswers());
  if (!unavailable) return NextResponse.next();
  return NextResponse.rewrite(request.nextUrl, { status: 503, headers: { 'Retry-After': String(STORE_RETRY_AFTER_SECONDS) } });
}

// Static, as Next requires: each page, for requests without a body.
export const config = {
  matcher: [
    { source: '/unsubscribe', missing: [{ type: 'header', key: 'content-type' }] },
    { source: '/preferences', missing: [{ type: 'header', key: 'content-type' }] },
    { source: '/subscribe', missing: [{ type: 'header', key: 'content-type' }] },
    { source: '/subscribe/confirm', missing: [{ type: 'header', key: 'content-type' }] },
    { source: '/search', missing: [{ type: 'header', key: 'content-type' }] },
  ],
};
