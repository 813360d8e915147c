import { redirectToResult } from '@/lib/subscribe/handle-subscribe-request';
import { BodyTooLargeError, readBodyText } from '@/lib/subscribe/read-request-body';
import { isCrossSite } from '@/lib/subscribe/same-origin';
import { confirmSubscription } from '@/lib/subscriptions/subscriber-store';
import { getSubscriptionService } from '@/lib/subscriptions/subscription-service';

/** The confirm page's button: confirms once, then shows what happened (Post/Redirect/Get). */
export async function POST(request: Request): Promise<Response> {
  if (isCrossSite(request)) return new Response('Cross-site request refused.\n', { status: 403 });
  try {
    const token = new URLSearchParams(await readBodyText(request, 1024)).get('token');
    const { store } = await getSubscriptionService();
    const result = await confirmSubscription(store, token, new Date());
    return redirectToResult(result === 'confirmed' ? 'confirmed' : result === 'expired' ? 'expired' : 'invalid-link');
  } catch (error) {
    if (error instanceof BodyTooLargeError || error instanceof TypeError) return new Response('Bad request.\n', { status: 400 });
    console.error('confirm: unexpected failure', error);
    return redirectToResult('unavailable');
  }
}
