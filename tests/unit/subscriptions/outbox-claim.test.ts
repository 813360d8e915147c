import { expect, it, vi } from 'vitest';
import type { MailMessage, MailTransport } from '@/lib/mail/mail-transport';
import { drainOutbox, type OutboxSettings } from '@/lib/subscriptions/outbox';
import { requestSubscription } from '@/lib/subscriptions/subscriber-store';
import { onEachBackend } from './backends';

const SETTINGS: OutboxSettings = { siteUrl: 'https://briefings.example.org', siteName: 'Crisis Briefings', from: 'Briefings <updates@example.org>', confirmTtlHours: 48 };
const T0 = new Date('2026-01-10T12:00:00Z');

onEachBackend('the outbox claim', (store) => {
  it('is not taken over by a second sender while a slow send is still under way', async () => {
    // The clock both senders read; the slow send moves it on, as minutes passing would.
    let now = T0;
    const clock = () => now;
    const sent: MailMessage[] = [];
    let second: Promise<unknown> | undefined;
    const slow: MailTransport = {
      name: 'slow',
      // The transport gives up after 15 minutes at most, so a send can last up to that long.
      maxSendMs: 15 * 60_000,
      concurrency: 1,
      async send(message) {
        sent.push(message);
        if (second) return;
        // Ten minutes into this send, another instance drains the outbox.
        now = new Date(T0.getTime() + 10 * 60_000);
        second = drainOutbox(store(), slow, SETTINGS, clock);
        await second;
      },
      close() {},
    };
    await requestSubscription(store(), { email: 'patient@example.org' }, T0);
    expect(await drainOutbox(store(), slow, SETTINGS, clock)).toEqual({ sent: 1, failed: 0, skipped: 0, undeliverable: 0 });
    expect(await second).toEqual({ sent: 0, failed: 0, skipped: 0, undeliverable: 0 });
    expect(sent.map((message) => message.to)).toEqual(['patient@example.org']);
  });

  it('is not lost by rows waiting their turn in a batch of slow sends, so no message goes out twice', async () => {
    // Ten addresses, one connection, each send lasting just under the transport's limit: the
    // batch takes far longer than one send. While the sender works through it, another instance
    // drains every few minutes.
    let now = T0;
    const clock = () => now;
    const sent: string[] = [];
    const others: Promise<unknown>[] = [];
    const maxSendMs = 60_000;
    const slow: MailTransport = {
      name: 'slow',
      maxSendMs,
      concurrency: 1,
      async send(message) {
        sent.push(message.to);
        now = new Date(now.getTime() + maxSendMs - 1_000);
        others.push(drainOutbox(store(), fast, SETTINGS, clock));
        await others.at(-1);
      },
      close() {},
    };
    const fast: MailTransport = { name: 'fast', maxSendMs, concurrency: 1, send: async (message) => void sent.push(message.to), close() {} };
    for (let index = 0; index < 10; index += 1) await requestSubscription(store(), { email: `reader${index}@example.org` }, T0);
    await drainOutbox(store(), slow, SETTINGS, clock);
    await Promise.all(others);
    expect(sent.toSorted()).toEqual(Array.from({ length: 10 }, (_, index) => `reader${index}@example.org`));
  });

  it('of a sender killed mid-batch lapses within twice the send limit and a minute (2 minutes with SMTP_TIMEOUT_MS at 30 s), and another sender sends its batch', async () => {
    const maxSendMs = 30_000;
    // The first sender claims a batch of ten and never comes back from its first send, as a process SIGKILLed mid-send.
    const killed: MailTransport = { name: 'killed', maxSendMs, concurrency: 1, send: () => new Promise(() => {}), close() {} };
    const sent: string[] = [];
    const next: MailTransport = { name: 'next', maxSendMs, concurrency: 1, send: async (message) => void sent.push(message.to), close() {} };
    for (let index = 0; index < 10; index += 1) await requestSubscription(store(), { email: `batch${index}@example.org` }, T0);
    void drainOutbox(store(), killed, SETTINGS, () => T0);
    await vi.waitFor(async () => expect(await store().db.selectFrom('outbox').select('id').where('claim_id', 'is not', null).execute()).toHaveLength(10));
    expect(await drainOutbox(store(), next, SETTINGS, () => new Date(T0.getTime() + 60_000))).toMatchObject({ sent: 0 });
    expect(await drainOutbox(store(), next, SETTINGS, () => new Date(T0.getTime() + 2 * maxSendMs + 60_000 + 1_000))).toMatchObject({ sent: 10 });
    expect(sent).toHaveLength(10);
  });
});
