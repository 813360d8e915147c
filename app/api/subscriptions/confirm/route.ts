import { isStoreUnavailable } from '@/lib/db/store-gate';
import { redirectToResult } from '@/lib/subscribe/handle-subscribe-request';
import { plainText } from '@/lib/subscribe/plain-text';
import { readFormBody } from '@/lib/subscribe/read-form-body';
import { isCrossSite } from '@/lib/subscribe/same-origin';
import { confirmSubscription } from '@/lib/subscriptions/subscriber-store';
import { getSubscriptionService } from '@/lib/subscriptions/subscription-service';
import { formProblem } from '@/lib/subscribe/form-problem';
import { formLocale } from '@/lib/subscribe/form-locale';

/** The confirm page's button: confirms once, then shows what happened (Post/Redirect/Get). */
export async function POST(request: Request): Promise<Response> {
  if (isCrossSite(request)) return plainText('Cross-site request refused.', 403);
  let form: URLSearchParams;
  try {
    form = await readFormBody(request, 1024);
  } catch (error) {
    return formProblem(error);
  }
  const token = form.get('token');
  const locale = formLocale(form);
  try {
    const result = await getSubscriptionService().store.run((store) => confirmSubscription(store, token, new Date()));
    // The page then names the countries the address now receives.
    if (result.state === 'confirmed') return redirectToResult('confirmed', { countries: result.countries }, locale);
    return redirectToResult(result.state === 'expired' ? 'expired' : 'invalid-link', {}, locale);
  } catch (error) {
    if (!isStoreUnavailable(error)) console.error('confirm: unexpected failure', error);
    return redirectToResult('link-unavailable', {}, locale);
  }
}
