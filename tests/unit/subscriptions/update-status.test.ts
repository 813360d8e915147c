import { expect, it } from 'vitest';
import { drainOutbox } from '@/lib/subscriptions/outbox';
import { confirmSubscription, requestSubscription, unsubscribe } from '@/lib/subscriptions/subscriber-store';
import { getUpdateStatus } from '@/lib/subscriptions/update-status';
import { onEachBackend } from './backends';
import { linksOf, recordingTransport } from './recording-transport';

const T0 = new Date('2026-01-10T12:00:00Z');
const SETTINGS = { siteUrl: 'https://briefings.example.org', siteName: 'Crisis Briefings', from: 'updates@example.org', confirmTtlHours: 48 };

onEachBackend('the update mail status', (store) => {
  it('lists the subscribers who follow no country (made by the old Subscribe page), and only them', async () => {
    const transport = recordingTransport();
    // The old Subscribe page stored addresses without a country.
    await requestSubscription(store(), { email: 'nothing-confirmed@example.org' }, T0);
    await requestSubscription(store(), { email: 'nothing-pending@example.org' }, new Date(T0.getTime() + 1000));
    await requestSubscription(store(), { email: 'nothing-left@example.org' }, T0);
    await requestSubscription(store(), { email: 'follows@example.org', countries: ['freedonia'] }, T0);
    await drainOutbox(store(), transport, SETTINGS, () => T0);
    const links = (to: string) => linksOf(transport.sent.find((message) => message.to === to)!);
    const confirmedAt = new Date(T0.getTime() + 60_000);
    for (const email of ['nothing-confirmed@example.org', 'nothing-left@example.org', 'follows@example.org']) await confirmSubscription(store(), links(email).confirm, confirmedAt);
    await unsubscribe(store(), links('nothing-left@example.org').unsubscribe, confirmedAt);

    expect((await getUpdateStatus(store())).followingNothing).toEqual([
      { email: 'nothing-confirmed@example.org', status: 'confirmed', since: confirmedAt.toISOString() },
      { email: 'nothing-pending@example.org', status: 'pending', since: new Date(T0.getTime() + 1000).toISOString() },
    ]);
  });
});
