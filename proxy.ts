import { NextResponse, type NextRequest } from 'next/server';
import { STORE_RETRY_AFTER_SECONDS } from './lib/db/store-gate';
import { isCountry } from './lib/content';
import { archiveAddress } from './lib/content/archive-addresses';
import { DEFAULT_LOCALE } from './lib/i18n/locales';
import { splitLocale } from './lib/paths';
import { isAnswerableSearch } from './lib/search/search-query';
import { isUnavailableResult } from './lib/subscribe/subscribe-result';
import { storeAnswers } from './lib/subscriptions/subscription-service';

/**
 * While the subscriber store is down, the pages that need it (and the result page that says
 * so) are served with 503 and Retry-After, in the site's frame, so a reader is told to come back
 * and a crawler or monitor sees an outage, not a page that worked. A search the page cannot
 * answer (a bad filter or page number, a query too long) is served as the same page with 400, and
 * a filtered archive of a country the site does not have (the page says it is not found) with 404. Only requests without a body
 * come here (see the matcher): Next copies the body of every request a proxy sees, and a client
 * that aborts its upload would fill the log with that copy's failure.
 */
const FILTERED_ARCHIVE = /^\/([^/]+)\/crisiswatch\/filter$/;

export async function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next();
  const { locale, path } = splitLocale(pathname);
  const filtered = FILTERED_ARCHIVE.exec(path);
  if (filtered) return (await isCountry(filtered[1]!)) ? NextResponse.next() : NextResponse.rewrite(request.nextUrl, { status: 404 });
  if (path === '/search') return (await isAnswerableSearch(searchParams, locale)) ? NextResponse.next() : NextResponse.rewrite(request.nextUrl, { status: 400 });
  // An archive month past the prerendered ones is rendered here on request: one that does not
  // exist gets the site's not-found page, as a prerendered route's missing month does.
  const archive = await archiveAddress(path);
  if (archive === 'exists') return NextResponse.next();
  if (archive === 'missing') return NextResponse.rewrite(new URL('/_not-found', request.url), { status: 404 });
  const unavailable = path === '/subscribe' ? isUnavailableResult(searchParams.get('result')) : !(await storeAnswers());
  if (!unavailable) return NextResponse.next();
  // The page itself, under app/[locale] (an English address is rewritten there after the proxy).
  const page = request.nextUrl.clone();
  page.pathname = locale === DEFAULT_LOCALE ? `/${DEFAULT_LOCALE}${path}` : pathname;
  return NextResponse.rewrite(page, { status: 503, headers: { 'Retry-After': String(STORE_RETRY_AFTER_SECONDS) } });
}

// Static, as Next requires: each page in each language (`/fr/...`), for requests without a body.
export const config = {
  matcher: [
    { source: '/:locale(fr)?/unsubscribe', missing: [{ type: 'header', key: 'content-type' }] },
    { source: '/:locale(fr)?/preferences', missing: [{ type: 'header', key: 'content-type' }] },
    { source: '/:locale(fr)?/subscribe', missing: [{ type: 'header', key: 'content-type' }] },
    { source: '/:locale(fr)?/subscribe/confirm', missing: [{ type: 'header', key: 'content-type' }] },
    { source: '/:locale(fr)?/:country/crisiswatch/filter', missing: [{ type: 'header', key: 'content-type' }] },
    { source: '/:locale(fr)?/search', missing: [{ type: 'header', key: 'content-type' }] },
    { source: '/:locale(fr)?/crisiswatch/:month', missing: [{ type: 'header', key: 'content-type' }] },
    { source: '/:locale(fr)?/:country/crisiswatch/:month', missing: [{ type: 'header', key: 'content-type' }] },
    { source: '/:locale(fr)?/:country/crisiswatch/page/:page', missing: [{ type: 'header', key: 'content-type' }] },
  ],
};
