import { redirectToResult } from '@/lib/subscribe/handle-subscribe-request';
import { BodyTooLargeError, readBodyText } from '@/lib/subscribe/read-request-body';
import { unsubscribe } from '@/lib/subscriptions/subscriber-store';
import { getSubscriptionService } from '@/lib/subscriptions/subscription-service';

const text = (body: string, status: number) => new Response(`${body}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/**
 * POST /unsubscribe?token=… (proxy.ts routes it here). A mail client's one-click POST gets
 * 200 and no redirect, as RFC 8058 requires, with no cookie needed; the page's button is
 * redirected to a page that says it is done.
 */
export async function POST(request: Request): Promise<Response> {
  let body: URLSearchParams;
  try {
    body = new URLSearchParams(await readBodyText(request, 1024));
  } catch (error) {
    if (error instanceof BodyTooLargeError || error instanceof TypeError) return text('Bad request.', 400);
    throw error;
  }
  if (body.get('List-Unsubscribe') !== 'One-Click') return text('Expected List-Unsubscribe=One-Click.', 400);
  const fromPage = body.get('from') === 'page';
  try {
    const { store } = await getSubscriptionService();
    const state = await unsubscribe(store, new URL(request.url).searchParams.get('token'), new Date());
    if (fromPage) return redirectToResult(state === 'valid' ? 'unsubscribed' : 'invalid-link');
    return state === 'valid' ? text('You are unsubscribed.', 200) : text('This unsubscribe link is not valid.', 400);
  } catch (error) {
    console.error('unsubscribe: unexpected failure', error);
    return fromPage ? redirectToResult('unavailable') : text('Please try again later.', 503);
  }
}
