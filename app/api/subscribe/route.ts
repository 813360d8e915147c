import { getCountries } from '@/lib/content';
import { getSettings } from '@/lib/config/settings';
import { clientAddress } from '@/lib/subscribe/client-address';
import { handleSubscribeRequest } from '@/lib/subscribe/handle-subscribe-request';
import { isSiteOrigin } from '@/lib/subscribe/same-origin';
import { requestSubscription } from '@/lib/subscriptions/subscriber-store';
import { getSubscriptionService } from '@/lib/subscriptions/subscription-service';

export async function POST(request: Request): Promise<Response> {
  const countries = new Set((await getCountries()).map((country) => country.slug));
  const { store, sender, rateLimiter } = getSubscriptionService();
  try {
    return await handleSubscribeRequest(request, {
      isAllowedOrigin: (origin) => isSiteOrigin(origin, request.headers),
      isKnownCountry: (slug) => countries.has(slug),
      clientKey: clientAddress(request.headers, getSettings().TRUST_PROXY),
      rateLimiter,
      subscribe: async (subscription) => {
        const { queued } = await store.run((opened) => requestSubscription(opened, subscription, new Date()));
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
