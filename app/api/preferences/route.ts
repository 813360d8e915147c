import { getCountries } from '@/lib/content';
import { handlePreferencesRequest } from '@/lib/subscribe/handle-preferences-request';
import { savePreferences } from '@/lib/subscriptions/preferences';
import { getSubscriptionService } from '@/lib/subscriptions/subscription-service';

/** The preferences page's form (works without JavaScript): see handle-preferences-request.ts. */
export async function POST(request: Request): Promise<Response> {
  const known = new Set((await getCountries()).map((country) => country.slug));
  return handlePreferencesRequest(request, {
    isKnownCountry: (slug) => known.has(slug),
    save: (token, countries, language) => getSubscriptionService().store.run((store) => savePreferences(store, token, countries, new Date(), language)),
    log: (message, error) => console.error(message, error),
  });
}
