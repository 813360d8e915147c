import { getCountries } from '@/lib/content';
import { getSiteConfig } from '@/lib/config/site-config';
import { handleSubscribeRequest } from '@/lib/subscribe/handle-subscribe-request';

export async function POST(request: Request): Promise<Response> {
  const countries = new Set((await getCountries()).map((country) => country.slug));
  try {
    return await handleSubscribeRequest(request, {
      allowedOrigins: [new URL(getSiteConfig().SITE_URL).origin, new URL(request.url).origin],
      isKnownCountry: (slug) => countries.has(slug),
      log: (message) => console.info(message),
    });
  } catch (error) {
    // Internals go to the server log, never to the client.
    console.error('subscribe: unexpected failure', error);
    return Response.json({ ok: false, message: 'Something went wrong on our side. Please try again later.' }, { status: 500 });
  }
}
