import { getSettings } from '../config/settings';
import { getCountries } from '../content';
import { getSubscriptionService } from '../subscriptions/subscription-service';
import { clientAddress } from './client-address';
import { handleSubscribeRequest } from './handle-subscribe-request';
import { isSiteOrigin } from './same-origin';

/**
 * POST /api/subscribe with the process's own store, rate limit and countries. Answered by the
 * production server directly (lib/server/direct-routes.ts) and by the Next route in development.
 */
export async function answerSubscribe(request: Request): Promise<Response> {
  try {
    const countries = new Set((await getCountries()).map((country) => country.slug));
    const { writer, sender, rateLimiter } = getSubscriptionService();
    return await handleSubscribeRequest(request, {
      isAllowedOrigin: (origin) => isSiteOrigin(origin, request.headers),
      isKnownCountry: (slug) => countries.has(slug),
      clientKey: clientAddress(request.headers, getSettings().TRUST_PROXY),
      rateLimiter,
      subscribe: async (subscription) => {
        const { queued } = await writer.record(subscription);
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
