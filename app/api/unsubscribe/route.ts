import { isStoreUnavailable, retryAfterFor } from '@/lib/db/store-gate';
import { formProblem } from '@/lib/subscribe/form-problem';
import { messages } from '@/lib/i18n/messages';
import { splitLocale } from '@/lib/paths';
import { formLocale } from '@/lib/subscribe/form-locale';
import { redirectToResult } from '@/lib/subscribe/handle-subscribe-request';
import { plainText as text } from '@/lib/subscribe/plain-text';
import { readFormBody } from '@/lib/subscribe/read-form-body';
import { unsubscribe } from '@/lib/subscriptions/subscriber-store';
import { getSubscriptionService } from '@/lib/subscriptions/subscription-service';

/**
 * POST /unsubscribe?token=… (proxy.ts routes it here). A mail client's one-click POST, urlencoded
 * or multipart as RFC 8058 allows, gets 200 and no redirect, with no cookie needed, in the
 * language of the address it posted to (`/fr/unsubscribe`: a route handler reached through a
 * rewrite sees the address the client asked for). The page's button is redirected to a page
 * that says it is done, in the page's language.
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
  const url = new URL(request.url);
  const query = url.searchParams;
  const locale = body.has('locale') ? formLocale(body) : splitLocale(url.pathname).locale;
  const { results } = messages(locale).subscribe;
  const sentence = ({ heading, message }: { heading: string; message: string }) => `${heading}. ${message}`;
  try {
    const state = await getSubscriptionService().store.run((store) => unsubscribe(store, query.get('token'), new Date()));
    if (fromPage) return redirectToResult(state === 'valid' ? 'unsubscribed' : 'invalid-link', {}, locale);
    return state === 'valid' ? text(sentence(results.unsubscribed), 200) : text(sentence(results.invalidLink), 400);
  } catch (error) {
    if (!isStoreUnavailable(error)) console.error('unsubscribe: unexpected failure', error);
    return fromPage ? redirectToResult('link-unavailable', {}, locale) : text(sentence(results.linkUnavailable), 503, { 'Retry-After': String(retryAfterFor(error)) });
  }
}
