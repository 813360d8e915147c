import { expect, it } from 'vitest';
import { drainOutbox, type OutboxSettings } from '@/lib/subscriptions/outbox';
import {
  checkConfirmation,
  confirmSubscription,
  countriesToConfirm,
  listConfirmedSubscribers,
  requestSubscription,
  unsubscribe,
} from '@/lib/subscriptions/subscriber-store';
import { onEachBackend } from './backends';
import { linksOf, recordingTransport } from './recording-transport';

const SETTINGS: OutboxSettings = { siteUrl: 'https://briefings.example.org', siteName: 'Crisis Briefings', from: 'Briefings <updates@example.org>', confirmTtlHours: 48 };
const T0 = new Date('2026-01-10T12:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

onEachBackend('the subscriber store', (store) => {
  it('stores a new address as pending and queues one confirmation in the same transaction', async () => {
    expect(await requestSubscription(store(), { email: 'Reader@Example.org', countries: ['mali'] }, T0)).toEqual({ queued: true });
    const rows = await store().db.selectFrom('subscribers').selectAll().execute();
    expect(rows).toMatchObject([{ email: 'Reader@Example.org', email_key: 'reader@example.org', status: 'pending', country: 'mali' }]);
    expect(await store().db.selectFrom('outbox').select(['subscriber_id', 'sent_at']).execute()).toEqual([{ subscriber_id: rows[0]!.id, sent_at: null }]);
  });

  it('follows every country asked for; the confirmation names them all, and confirming says which the address now follows', async () => {
    const transport = recordingTransport();
    const countries = async () => [
      { slug: 'mali', name: 'Mali' },
      { slug: 'freedonia', name: 'Freedonia' },
      { slug: 'ruritania', name: 'Ruritania' },
    ];
    await requestSubscription(store(), { email: 'reader@example.org', countries: ['ruritania', 'mali'] }, T0);
    // A second post before confirming adds its country to the same pending address.
    await requestSubscription(store(), { email: 'reader@example.org', countries: ['freedonia', 'mali'] }, later(1000));
    await drainOutbox(store(), transport, { ...SETTINGS, countries }, () => later(2000));
    const [message] = transport.sent;
    expect(message!.text).toContain('the CrisisWatch entries for Freedonia, Mali and Ruritania by email');
    const { confirm } = linksOf(message!);
    expect(await countriesToConfirm(store(), confirm)).toEqual(['freedonia', 'mali', 'ruritania']);
    expect(await confirmSubscription(store(), confirm, later(3000))).toEqual({ state: 'confirmed', countries: ['freedonia', 'mali', 'ruritania'] });
    expect(await countriesToConfirm(store(), confirm)).toEqual([]);
    expect(await listConfirmedSubscribers(store())).toMatchObject([{ email: 'reader@example.org', countries: ['freedonia', 'mali', 'ruritania'] }]);
  });

  it('keeps one row per address whatever its case, and does not mail again at once', async () => {
    await requestSubscription(store(), { email: 'reader@example.org' }, T0);
    expect(await requestSubscription(store(), { email: 'READER@example.org' }, later(1000))).toEqual({ queued: false });
    expect(await store().db.selectFrom('subscribers').select('email').execute()).toHaveLength(1);
    expect(await store().db.selectFrom('outbox').select('id').execute()).toHaveLength(1);
    // After a while a reader who lost the message can ask for another.
    expect(await requestSubscription(store(), { email: 'reader@example.org' }, later(11 * 60_000))).toEqual({ queued: true });
  });

  it('ends concurrent requests for one address as one row', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, index) => requestSubscription(store(), { email: index % 2 ? 'same@example.org' : 'SAME@example.org' }, T0)));
    expect(await store().db.selectFrom('subscribers').select('id').execute()).toHaveLength(1);
    expect(await store().db.selectFrom('outbox').select('id').execute()).toHaveLength(1);
  });

  it('queues one message when many posts for an address already pending arrive at once', async () => {
    const transport = recordingTransport();
    await requestSubscription(store(), { email: 'waiting@example.org' }, T0);
    await drainOutbox(store(), transport, SETTINGS, () => T0);
    // Long enough after the first message that a new one may be asked for: exactly one is queued.
    const at = later(11 * 60_000);
    const results = await Promise.all(Array.from({ length: 12 }, () => requestSubscription(store(), { email: 'waiting@example.org' }, at)));
    expect(results.filter((result) => result.queued)).toHaveLength(1);
    expect(await store().db.selectFrom('outbox').select('id').execute()).toHaveLength(2);
  });

  it('keeps the link of an earlier message working after another one is mailed', async () => {
    const transport = recordingTransport();
    await requestSubscription(store(), { email: 'twice@example.org' }, T0);
    await drainOutbox(store(), transport, SETTINGS, () => T0);
    await requestSubscription(store(), { email: 'twice@example.org' }, later(11 * 60_000));
    await drainOutbox(store(), transport, SETTINGS, () => later(11 * 60_000));
    expect(transport.sent).toHaveLength(2);
    const first = linksOf(transport.sent[0]!).confirm;
    const second = linksOf(transport.sent[1]!).confirm;
    expect(await checkConfirmation(store(), second, later(12 * 60_000))).toBe('valid');
    expect((await confirmSubscription(store(), first, later(12 * 60_000))).state).toBe('confirmed');
    // Confirming used every link up.
    expect((await confirmSubscription(store(), second, later(13 * 60_000))).state).toBe('invalid');
  });

  it('mails a link that confirms once, and keeps only hashes of tokens', async () => {
    const transport = recordingTransport();
    await requestSubscription(store(), { email: 'reader@example.org', countries: ['mali'] }, T0);
    expect(await drainOutbox(store(), transport, SETTINGS, () => T0)).toEqual({ sent: 1, failed: 0, skipped: 0, undeliverable: 0 });
    const [message] = transport.sent;
    expect(message).toMatchObject({ to: 'reader@example.org', subject: 'Confirm your subscription to Crisis Briefings' });
    const { confirm, unsubscribe: leave } = linksOf(message!);
    expect(message!.headers).toEqual({
      'List-Unsubscribe': `<https://briefings.example.org/unsubscribe?token=${leave}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });

    const everything = JSON.stringify([
      await store().db.selectFrom('subscribers').selectAll().execute(),
      await store().db.selectFrom('unsubscribe_tokens').selectAll().execute(),
      await store().db.selectFrom('outbox').selectAll().execute(),
    ]);
    expect(everything).not.toContain(confirm);
    expect(everything).not.toContain(leave);

    expect(await checkConfirmation(store(), confirm, later(1000))).toBe('valid');
    expect((await confirmSubscription(store(), confirm, later(2000))).state).toBe('confirmed');
    expect((await confirmSubscription(store(), confirm, later(3000))).state).toBe('invalid');
    expect(await listConfirmedSubscribers(store())).toEqual([{ email: 'reader@example.org', countries: ['mali'], confirmed_at: later(2000).toISOString(), undeliverable_at: null }]);
  });

  it('lets a confirmation link expire', async () => {
    const transport = recordingTransport();
    await requestSubscription(store(), { email: 'slow@example.org' }, T0);
    await drainOutbox(store(), transport, SETTINGS, () => T0);
    const { confirm } = linksOf(transport.sent[0]!);
    expect((await confirmSubscription(store(), confirm, later(49 * 3_600_000))).state).toBe('expired');
    expect(await listConfirmedSubscribers(store())).toEqual([]);
  });

  it('unsubscribes with any link ever mailed, and a new request starts over', async () => {
    const transport = recordingTransport();
    await requestSubscription(store(), { email: 'reader@example.org' }, T0);
    await drainOutbox(store(), transport, SETTINGS, () => T0);
    const { confirm, unsubscribe: leave } = linksOf(transport.sent[0]!);
    await confirmSubscription(store(), confirm, later(1000));
    expect(await unsubscribe(store(), leave, later(2000))).toBe('valid');
    expect(await unsubscribe(store(), leave, later(3000))).toBe('valid');
    expect(await unsubscribe(store(), 'x'.repeat(43), later(3000))).toBe('invalid');
    expect(await listConfirmedSubscribers(store())).toEqual([]);
    expect(await requestSubscription(store(), { email: 'reader@example.org' }, later(11 * 60_000))).toEqual({ queued: true });
    expect(await store().db.selectFrom('subscribers').select('status').executeTakeFirst()).toEqual({ status: 'pending' });
  });

  it('does not mail a confirmed subscriber again', async () => {
    const transport = recordingTransport();
    await requestSubscription(store(), { email: 'reader@example.org' }, T0);
    await drainOutbox(store(), transport, SETTINGS, () => T0);
    await confirmSubscription(store(), linksOf(transport.sent[0]!).confirm, later(1000));
    expect(await requestSubscription(store(), { email: 'reader@example.org' }, later(20 * 60_000))).toEqual({ queued: false });
    expect(await drainOutbox(store(), transport, SETTINGS, () => later(20 * 60_000))).toEqual({ sent: 0, failed: 0, skipped: 0, undeliverable: 0 });
  });

  it('keeps a message when sending fails and delivers it once the transport is back', async () => {
    const transport = recordingTransport();
    transport.failing = true;
    await requestSubscription(store(), { email: 'reader@example.org' }, T0);
    expect(await drainOutbox(store(), transport, SETTINGS, () => T0)).toEqual({ sent: 0, failed: 1, skipped: 0, undeliverable: 0 });
    const [row] = await store().db.selectFrom('outbox').select(['attempts', 'last_error', 'sent_at', 'next_attempt_at']).execute();
    expect(row).toMatchObject({ attempts: 1, sent_at: null, last_error: expect.stringContaining('ECONNREFUSED') });
    transport.failing = false;
    // Backoff: not retried at once, retried once it is due.
    expect(await drainOutbox(store(), transport, SETTINGS, () => later(1000))).toEqual({ sent: 0, failed: 0, skipped: 0, undeliverable: 0 });
    expect(await drainOutbox(store(), transport, SETTINGS, () => later(6000))).toEqual({ sent: 1, failed: 0, skipped: 0, undeliverable: 0 });
    expect(transport.sent).toHaveLength(1);
  });

  it('sends each message once when several senders drain at the same time', async () => {
    const transport = recordingTransport();
    for (let index = 0; index < 25; index += 1) await requestSubscription(store(), { email: `reader${index}@example.org` }, T0);
    const results = await Promise.all([1, 2, 3].map(() => drainOutbox(store(), transport, SETTINGS, () => T0)));
    expect(results.reduce((sum, result) => sum + result.sent, 0)).toBe(25);
    expect(new Set(transport.sent.map((message) => message.to)).size).toBe(25);
  });
});
