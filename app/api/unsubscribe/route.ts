import { isStoreUnavailable, retryAfterFor } from '@/lib/db/store-gate';
import { formProblem } from '@/lib/subscribe/form-problem';
import { formLocale } from '@/lib/subscribe/form-locale';
import { redirectToResult } from '@/lib/subscribe/handle-subscribe-request';
import { plainText as text } from '@/lib/subscribe/plain-text';
import { readFormBody } from '@/lib/subscribe/read-form-body';
import { unsubscribe } from '@/lib/subscriptions/subscriber-store';
import { getSubscriptionService } from '@/lib/subscriptions/subscription-service';

/**
 * POST /unsubscribe?token=… (proxy.ts routes it here). A mail client's one-click POST, urlencoded
 * or multipart as RFC 8058 allows, gets 200 and no redirect, with no cookie needed; the page's
 * button is redirected to a page that says it is done.
 */
export async function POST(request: Request): Promise<Response> {
  let body: URLSearchParams;
  try {
    body = await readFormBody(request, 1024);
  } catch (error) {
    return formProblem(error);
  }
  if (body.get('List-Unsubscribe') !== 'One-Click') return text('Expected List-Unsubscribe=One-Click.', 400);
  const fromPage = body.get('from') === 'page';
  const locale = formLocale(body);
  try {
    const token = new URL(request.url).searchParams.get('token');
    const state = await getSubscriptionService().store.run((store) => unsubscribe(store, token, new Date()));
    if (fromPage) return redirectToResult(state === 'valid' ? 'unsubscribed' : 'invalid-link', {}, locale);
    return state === 'valid' ? text('You are unsubscribed.', 200) : text('This unsubscribe link is not valid.', 400);
  } catch (error) {
    if (!isStoreUnavailable(error)) console.error('unsubscribe: unexpected failure', error);
    return fromPage ? redirectToResult('link-unavailable', {}, locale) : text('We could not unsubscribe you just now. Please try again in a few minutes.', 503, { 'Retry-After': String(retryAfterFor(error)) });
  }
}
