import { expect, it } from 'vitest';
import type { SubscriberDb } from '@/lib/db/database';
import { handleSubscribeRequest, type SubscribeDependencies } from '@/lib/subscribe/handle-subscribe-request';
import { createRateLimiter } from '@/lib/subscribe/rate-limiter';
import { drainOutbox } from '@/lib/subscriptions/outbox';
import { confirmSubscription, requestSubscription, unsubscribe } from '@/lib/subscriptions/subscriber-store';
import { onEachBackend } from '../subscriptions/backends';
import { linksOf, recordingTransport } from '../subscriptions/recording-transport';

const SITE = 'https://briefings.example.org';
const T0 = new Date('2026-01-10T12:00:00Z');
const SETTINGS = { siteUrl: SITE, siteName: 'Crisis Briefings', from: 'updates@example.org', confirmTtlHours: 48 };

/** The endpoint with the real store behind it, as the server runs it. */
const deps = (store: SubscriberDb): SubscribeDependencies => ({
  isAllowedOrigin: (origin) => origin === SITE,
  isKnownCountry: (slug) => ['freedonia', 'ruritania'].includes(slug),
  clientKey: '192.0.2.1',
  rateLimiter: createRateLimiter(0),
  subscribe: async (request) => {
    await requestSubscription(store, request, T0);
  },
});

/** An address in each state a reader's address can be in. */
async function addressesInEveryState(store: SubscriberDb): Promise<Record<string, string>> {
  const transport = recordingTransport();
  for (const email of ['pending@example.org', 'confirmed@example.org', 'left@example.org']) await requestSubscription(store, { email, countries: ['freedonia'] }, T0);
  await drainOutbox(store, transport, SETTINGS, () => T0);
  const links = (to: string) => linksOf(transport.sent.find((message) => message.to === to)!);
  await confirmSubscription(store, links('confirmed@example.org').confirm, T0);
  await confirmSubscription(store, links('left@example.org').confirm, T0);
  await unsubscribe(store, links('left@example.org').unsubscribe, T0);
  return { new: 'new@example.org', pending: 'pending@example.org', confirmed: 'confirmed@example.org', unsubscribed: 'left@example.org' };
}

onEachBackend('the answer to a subscription with countries', (store) => {
  it('is the same whatever the address’s state, as JSON and as a form post', async () => {
    const addresses = await addressesInEveryState(store());
    const answers = new Set<string>();
    for (const email of Object.values(addresses)) {
      for (const [type, body] of [
        ['application/json', JSON.stringify({ email, country: ['ruritania', 'freedonia'] })],
        ['application/x-www-form-urlencoded', new URLSearchParams([['email', email], ['country', 'ruritania'], ['country', 'freedonia']]).toString()],
      ] as const) {
        const response = await handleSubscribeRequest(new Request(`${SITE}/api/subscribe`, { method: 'POST', body, headers: { 'content-type': type, origin: SITE } }), deps(store()));
        answers.add(`${type} ${response.status} ${response.headers.get('location')} ${await response.text()}`);
      }
    }
    expect([...answers]).toEqual([
      expect.stringMatching(/^application\/json 202 null \{"ok":true,"message":"Thank you\./),
      'application/x-www-form-urlencoded 303 /subscribe?result=pending&country=ruritania&country=freedonia ',
    ]);
  });
});
