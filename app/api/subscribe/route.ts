import { getCountries } from '@/lib/content';
import { getSubscriptionConfig } from '@/lib/config/subscription-config';
import { clientAddress } from '@/lib/subscribe/client-address';
import { handleSubscribeRequest } from '@/lib/subscribe/handle-subscribe-request';
import { createRateLimiter } from '@/lib/subscribe/rate-limiter';
import { siteOrigins } from '@/lib/subscribe/same-origin';
import { requestSubscription } from '@/lib/subscriptions/subscriber-store';
import { getSubscriptionService } from '@/lib/subscriptions/subscription-service';

const rateLimiter = createRateLimiter(getSubscriptionConfig().SUBSCRIBE_RATE_LIMIT);

export async function POST(request: Request): Promise<Response> {
  const countries = new Set((await getCountries()).map((country) => country.slug));
  try {
    return await handleSubscribeRequest(request, {
      allowedOrigins: siteOrigins(request),
      isKnownCountry: (slug) => countries.has(slug),
      clientKey: clientAddress(request.headers, getSubscriptionConfig().TRUST_PROXY),
      rateLimiter,
      subscribe: async (subscription) => {
        const { store, sender } = await getSubscriptionService();
        const { queued } = await requestSubscription(store, subscription, new Date());
        if (queued) void sender.drainSoon();
      },
      log: (message, error) => (error ? console.error(message, error) : console.info(message)),
    });
  } catch (error) {
    // Internals go to the server log, never to the client.
    console.error('subscribe: unexpected failure', error);
    return Response.json({ ok: false, message: 'Something went wrong on our side. Please try again later.' }, { status: 500 });
  }
}
