import { Migrator, sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { loadContent, type ContentTree } from '@/lib/content/load-content';
import { migrationProvider } from '@/lib/db/migrations';
import { migrateToLatest } from '@/lib/db/database';
import { createSmtpTransport } from '@/lib/mail/mail-transport';
import { announceEntries, entryKey, type PublishedEntry } from '@/lib/subscriptions/announcements';
import { drainOutbox, type OutboxSettings } from '@/lib/subscriptions/outbox';
import { getPreferences, savePreferences } from '@/lib/subscriptions/preferences';
import { publishedEntriesOf } from '@/lib/subscriptions/published-entries';
import { confirmSubscription, listConfirmedSubscribers, requestSubscription, unsubscribe } from '@/lib/subscriptions/subscriber-store';
import { startSmtpSink } from '../../support/smtp-sink';
import { onEachBackend } from './backends';
import { FIXTURES, updateSettings } from './fixture-updates';
import { linksOf, recordingTransport } from './recording-transport';
import type { SubscriberDb } from '@/lib/db/database';

const T0 = new Date('2026-01-10T12:00:00Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let content: ContentTree;
beforeAll(async () => {
  content = await loadContent(FIXTURES);
});

/** Freedonia's 2024-04 and 2024-05 are "already published"; 2024-06 is the new entry. */
const published = (): PublishedEntry[] => publishedEntriesOf(content);
const before = () => published().filter((entry) => entry.month !== '2024-06');

const settings = (): OutboxSettings => updateSettings(content);

/** Subscribes and confirms through the same steps a reader takes; returns the address. */
async function confirmedFollower(store: SubscriberDb, email: string, country: string, at: Date): Promise<string> {
  const transport = recordingTransport();
  await requestSubscription(store, { email, countries: [country] }, at);
  await drainOutbox(store, transport, settings(), () => at);
  const message = transport.sent.find((sent) => sent.to === email);
  if (message) {
    tokens.set(email, linksOf(message).unsubscribe);
    expect((await confirmSubscription(store, linksOf(message).confirm, at)).state).toBe('confirmed');
  }
  return email;
}

const recipients = (sent: { to: string }[]) => sent.map((message) => message.to).sort();

onEachBackend('update mail', (store) => {
  it('follows several countries with one address, with no second confirmation once confirmed', async () => {
    await confirmedFollower(store(), 'ana@example.org', 'freedonia', T0);
    expect(await requestSubscription(store(), { email: 'ANA@example.org', countries: ['ruritania'] }, later(1))).toEqual({ queued: false });
    expect(await listConfirmedSubscribers(store())).toMatchObject([{ email: 'ana@example.org', countries: ['freedonia', 'ruritania'] }]);
  });

  it('announces nothing on the first run, then each new entry to exactly the confirmed followers of its country, once', async () => {
    await confirmedFollower(store(), 'ana@example.org', 'freedonia', T0);
    await confirmedFollower(store(), 'ben@example.org', 'freedonia', T0);
    await confirmedFollower(store(), 'rui@example.org', 'ruritania', T0);
    await requestSubscription(store(), { email: 'pending@example.org', countries: ['freedonia'] }, T0);
    const left = await confirmedFollower(store(), 'left@example.org', 'freedonia', T0);
    await unsubscribeByMail(store(), left);

    expect(await announceEntries(store(), before(), later(2))).toEqual({ baseline: 2, announced: [], queued: 0 });
    const transport = recordingTransport();
    expect((await drainOutbox(store(), transport, settings(), () => later(2))).sent).toBe(0);

    // A build with one more month starts: its followers get it, once.
    expect(await announceEntries(store(), published(), later(3))).toEqual({ baseline: 0, announced: ['freedonia/2024-06'], queued: 2 });
    expect(await drainOutbox(store(), transport, settings(), () => later(3))).toMatchObject({ sent: 2, failed: 0 });
    expect(recipients(transport.sent)).toEqual(['ana@example.org', 'ben@example.org']);
    const [message] = transport.sent;
    expect(message!.subject).toBe('Freedonia, June 2024: Unchanged Situation');
    expect(message!.text).toContain('The fictional government of this test country held talks in 2024-06.');
    expect(message!.text).toContain('A second paragraph, also invented');
    expect(message!.text).toContain('https://briefings.example.org/freedonia/crisiswatch/2024-06');
    expect(message!.text).toMatch(/\nJune 2024: ▬ Unchanged Situation\nMay 2024: [▼▲▬] [A-Z][a-z]+ Situation/);
    expect(message!.html).toContain('<p>Fictional parliament met and adjourned.');
    expect(message!.html).not.toMatch(/<script|<img|<link/i);
    expect(message!.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(message!.headers['List-Id']).toBe('Freedonia CrisisWatch <freedonia.crisiswatch.briefings.example.org>');
    const { unsubscribe: token } = manageLinks(message!.text);
    expect(await getPreferences(store(), token)).toMatchObject({ email: message!.to, countries: ['freedonia'] });

    // Restarts, a redeploy of the same build, and a corrected entry send nothing more.
    expect(await announceEntries(store(), published(), later(4))).toEqual({ baseline: 0, announced: [], queued: 0 });
    expect((await drainOutbox(store(), transport, settings(), () => later(60))).sent).toBe(0);
    expect(transport.sent).toHaveLength(2);
  });

  it('holds back an entry marked notify: false, and never mails a subscriber who confirmed after the entry went out', async () => {
    await confirmedFollower(store(), 'ana@example.org', 'freedonia', T0);
    await announceEntries(store(), before(), later(1));
    const held = published().map((entry) => (entry.month === '2024-06' ? { ...entry, notify: false } : entry));
    expect(await announceEntries(store(), held, later(2))).toMatchObject({ announced: [], queued: 0 });

    await requestSubscription(store(), { email: 'late@example.org', countries: ['freedonia'] }, later(3));
    expect(await announceEntries(store(), published(), later(4))).toMatchObject({ announced: ['freedonia/2024-06'], queued: 1 });
    await confirmedFollower(store(), 'late@example.org', 'freedonia', later(5));
    await drainOutbox(store(), recordingTransport(), settings(), () => later(6));
    const mailed = await store()
      .db.selectFrom('outbox')
      .innerJoin('subscribers', 'subscribers.id', 'outbox.subscriber_id')
      .select('email')
      .where('entry_key', '=', entryKey('freedonia', '2024-06'))
      .where('sent_at', 'is not', null)
      .execute();
    expect(mailed.map((row) => row.email)).toEqual(['ana@example.org']);
  });

  it('sends nothing to someone who left the country or unsubscribed between the announcement and the send', async () => {
    await confirmedFollower(store(), 'ana@example.org', 'freedonia', T0);
    await confirmedFollower(store(), 'ben@example.org', 'freedonia', T0);
    await announceEntries(store(), before(), later(1));
    await announceEntries(store(), published(), later(2));
    await unsubscribeByMail(store(), 'ben@example.org');
    const transport = recordingTransport();
    expect(await drainOutbox(store(), transport, settings(), () => later(3))).toMatchObject({ sent: 1, skipped: 1 });
    expect(recipients(transport.sent)).toEqual(['ana@example.org']);
  });

  it('changes the countries followed from the preferences link; choosing none leaves everything', async () => {
    await confirmedFollower(store(), 'ana@example.org', 'freedonia', T0);
    const token = manageToken('ana@example.org');
    expect(await savePreferences(store(), token, ['freedonia', 'ruritania'], later(1))).toMatchObject({ state: 'saved', preferences: { countries: ['freedonia', 'ruritania'], status: 'confirmed' } });
    expect(await savePreferences(store(), token, ['ruritania'], later(2))).toMatchObject({ preferences: { countries: ['ruritania'] } });
    expect(await savePreferences(store(), token, [], later(3))).toMatchObject({ preferences: { countries: [], status: 'unsubscribed' } });
    expect(await listConfirmedSubscribers(store())).toEqual([]);
    // The same link brings them back without another confirmation: it reached their inbox.
    expect(await savePreferences(store(), token, ['freedonia'], later(4))).toMatchObject({ preferences: { countries: ['freedonia'], status: 'confirmed' } });
    expect(await savePreferences(store(), 'x'.repeat(43), ['freedonia'], later(5))).toEqual({ state: 'invalid' });
    expect(await getPreferences(store(), 'not a token')).toBeUndefined();
  });

  it('marks an address refused for good (5xx) undeliverable, and mails it nothing more until it confirms again', async () => {
    await confirmedFollower(store(), 'gone@example.org', 'freedonia', T0);
    await confirmedFollower(store(), 'ana@example.org', 'freedonia', T0);
    await announceEntries(store(), before(), later(1));
    await announceEntries(store(), published(), later(2));
    const sink = await startSmtpSink({ reject: (to) => (to === 'gone@example.org' ? { code: 550, message: 'No such user here' } : undefined) });
    const transport = createSmtpTransport(sink.url, 5_000);
    try {
      expect(await drainOutbox(store(), transport, settings(), () => later(3))).toMatchObject({ sent: 1, undeliverable: 1, failed: 0 });
      // Not retried, however long we wait.
      expect(await drainOutbox(store(), transport, settings(), () => later(600))).toMatchObject({ sent: 0, undeliverable: 0, failed: 0 });
    } finally {
      transport.close();
      await sink.close();
    }
    expect(sink.count()).toBe(1);
    const exported = await listConfirmedSubscribers(store());
    expect(exported.find((row) => row.email === 'gone@example.org')?.undeliverable_at).toBe(later(3).toISOString());
    expect(exported.find((row) => row.email === 'ana@example.org')?.undeliverable_at).toBeNull();
    // Subscribing again asks for a confirmation, which makes the address deliverable again.
    expect(await requestSubscription(store(), { email: 'gone@example.org', countries: ['freedonia'] }, later(700))).toEqual({ queued: true });
  });

  it('queues each message once when two processes announce the same entry at the same time, in batches', async () => {
    for (let index = 0; index < 23; index += 1) await confirmedFollower(store(), `reader${String(index).padStart(2, '0')}@example.org`, 'freedonia', T0);
    await announceEntries(store(), before(), later(1));
    const results = await Promise.all([1, 2].map(() => announceEntries(store(), published(), later(2), { batchSize: 5 })));
    expect(results.reduce((sum, result) => sum + result.queued, 0)).toBe(23);
    const rows = await store().db.selectFrom('outbox').select('subscriber_id').where('entry_key', '=', entryKey('freedonia', '2024-06')).execute();
    expect(new Set(rows.map((row) => row.subscriber_id)).size).toBe(23);
    expect(rows).toHaveLength(23);
  });

  it('keeps every existing subscriber and their country through the migration', async () => {
    const { db } = store();
    // Back to the schema before update mail, with subscribers as they were then.
    const down = await new Migrator({ db, provider: migrationProvider }).migrateTo('002-production');
    expect(down.error).toBeUndefined();
    for (const [id, email, status, country] of [
      ['a', 'ana@example.org', 'confirmed', 'freedonia'],
      ['b', 'ben@example.org', 'pending', 'ruritania'],
      ['c', 'cy@example.org', 'confirmed', null],
      ['d', 'dee@example.org', 'unsubscribed', 'freedonia'],
    ] as const) {
      await sql`insert into subscribers (id, email, email_key, country, status, created_at, updated_at, confirmed_at) values (${id}, ${email}, ${email}, ${country}, ${status}, ${T0.toISOString()}, ${T0.toISOString()}, ${status === 'confirmed' ? T0.toISOString() : null})`.execute(db);
    }
    await migrateToLatest(db);
    expect(await db.selectFrom('subscriptions').select(['subscriber_id', 'country']).orderBy('subscriber_id').execute()).toEqual([
      { subscriber_id: 'a', country: 'freedonia' },
      { subscriber_id: 'b', country: 'ruritania' },
    ]);
    expect(await db.selectFrom('subscribers').select('id').execute()).toHaveLength(4);
  });
});

/** The unsubscribe token of each confirmation message confirmedFollower received, by address. */
const tokens = new Map<string, string>();

function manageToken(email: string): string {
  const token = tokens.get(email);
  if (!token) throw new Error(`no message kept for ${email}`);
  return token;
}

async function unsubscribeByMail(store: SubscriberDb, email: string): Promise<void> {
  expect(await unsubscribe(store, manageToken(email), later(1))).toBe('valid');
}

function manageLinks(text: string) {
  const unsubscribe = /\/unsubscribe\?token=([\w-]+)/.exec(text)?.[1];
  const preferences = /\/preferences\?token=([\w-]+)/.exec(text)?.[1];
  if (!unsubscribe || !preferences || unsubscribe !== preferences) throw new Error(`no manage links in:\n${text}`);
  return { unsubscribe, preferences };
}
