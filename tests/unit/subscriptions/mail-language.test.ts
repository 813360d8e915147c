import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadContent, type ContentTree } from '@/lib/content/load-content';
import { migrateToLatest, type SubscriberDb } from '@/lib/db/database';
import { migrationProvider } from '@/lib/db/migrations';
import type { Locale } from '@/lib/i18n/locales';
import type { MailMessage } from '@/lib/mail/mail-transport';
import { announceEntries, parseEntryKey } from '@/lib/subscriptions/announcements';
import { drainOutbox } from '@/lib/subscriptions/outbox';
import { getPreferences, savePreferences } from '@/lib/subscriptions/preferences';
import { PUBLISHED_ENTRIES_FILE, publishedEntriesOf, readPublishedEntries } from '@/lib/subscriptions/published-entries';
import { confirmSubscription, requestSubscription } from '@/lib/subscriptions/subscriber-store';
import { getUpdateStatus } from '@/lib/subscriptions/update-status';
import { writeFreedoniaInFrench } from '../../fixtures/freedonia-in-french';
import { onEachBackend } from './backends';
import { FIXTURES, updateSettings } from './fixture-updates';
import { linksOf, recordingTransport } from './recording-transport';

/**
 * The subscriber's language and each edition's announcement, on both stores. Two builds of the
 * fictional Freedonia: `english` (June 2024 in English only) and `french` (June translated too).
 */
const T0 = new Date('2026-01-10T12:00:00Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let english: ContentTree;
let french: ContentTree;
let frenchDir: string;
beforeAll(async () => {
  english = await loadContent(FIXTURES);
  frenchDir = await mkdtemp(path.join(tmpdir(), 'french-content-'));
  await cp(FIXTURES, frenchDir, { recursive: true });
  await writeFreedoniaInFrench(path.join(frenchDir, 'freedonia'));
  french = await loadContent(frenchDir);
});
afterAll(async () => {
  await rm(frenchDir, { recursive: true, force: true });
});

/** April and May 2024 are the archive the first run records; June is the new entry. */
const before = (content: ContentTree) => publishedEntriesOf(content).filter((entry) => entry.month !== '2024-06');

/** Manage tokens of the confirmation messages, by address. */
const tokens = new Map<string, string>();

/** Subscribes from a form in `locale` and confirms from the mail; with `fallback`, asks for English texts not yet translated. */
async function follower(store: SubscriberDb, email: string, locale: Locale, { fallback = false } = {}): Promise<string> {
  const transport = recordingTransport();
  await requestSubscription(store, { email, countries: ['freedonia'], locale }, T0);
  await drainOutbox(store, transport, updateSettings(english), () => T0);
  const links = linksOf(transport.sent[0]!);
  tokens.set(email, links.unsubscribe);
  expect((await confirmSubscription(store, links.confirm, T0)).state).toBe('confirmed');
  if (fallback) await savePreferences(store, links.unsubscribe, ['freedonia'], T0, { locale, untranslatedFallback: true });
  return email;
}

/** Drains with the content of `build`, returning what each address received. */
async function drain(store: SubscriberDb, build: ContentTree, at: Date): Promise<Map<string, MailMessage[]>> {
  const transport = recordingTransport();
  await drainOutbox(store, transport, updateSettings(build), () => at);
  const byAddress = new Map<string, MailMessage[]>();
  for (const message of transport.sent) byAddress.set(message.to, [...(byAddress.get(message.to) ?? []), message]);
  return byAddress;
}

const ENGLISH_SUBJECT = 'Freedonia, June 2024: Unchanged Situation';
const FRENCH_LEAD = 'Le gouvernement fictif de ce pays de test a tenu des pourparlers en juin 2024.';
const ENGLISH_LEAD = 'The fictional government of this test country held talks in 2024-06.';

/** A message in French, its links to the French pages. */
function expectFrench(message: MailMessage | undefined) {
  // The country's French name where the build has its French profile.
  expect(message?.subject).toMatch(/^Freedoni[ae], juin 2024\u00a0: Situation inchangée$/);
  expect(message!.html).toContain('<html lang="fr">');
  expect(message!.text).toContain('https://briefings.example.org/fr/freedonia/crisiswatch/2024-06');
  expect(message!.text).toContain('https://briefings.example.org/fr/unsubscribe?token=');
  expect(message!.headers['List-Unsubscribe']).toMatch(/^<https:\/\/briefings\.example\.org\/fr\/unsubscribe\?token=/);
}

onEachBackend('the subscriber’s language', (store) => {
  it('keeps every existing subscriber in English through migration 004, and the archive unmailed in French too', async () => {
    const { db } = store();
    expect((await new Migrator({ db, provider: migrationProvider }).migrateTo('003-updates')).error).toBeUndefined();
    await sql`insert into subscribers (id, email, email_key, status, created_at, updated_at, confirmed_at) values ('a', 'ana@example.org', 'ana@example.org', 'confirmed', ${T0.toISOString()}, ${T0.toISOString()}, ${T0.toISOString()})`.execute(db);
    await sql`insert into site_state (key, value) values ('updates_baseline_at', ${T0.toISOString()})`.execute(db);
    await sql`insert into announcements (entry_key, country, month, state, started_at, enqueued_at) values ('freedonia/2024-06', 'freedonia', '2024-06', 'baseline', ${T0.toISOString()}, ${T0.toISOString()})`.execute(db);
    await migrateToLatest(db);
    expect(await db.selectFrom('subscribers').select(['locale', 'untranslated_fallback']).execute()).toEqual([{ locale: 'en', untranslated_fallback: 0 }]);
    // June's French text, published after the migration, is part of the archive that predates update mail.
    const june = publishedEntriesOf(french).filter((entry) => entry.month === '2024-06');
    expect(await announceEntries(store(), june, later(1))).toEqual({ baseline: 0, announced: [], queued: 0 });
    expect((await getUpdateStatus(store(), june)).baseline).toBe(1);
    // Only the site's languages.
    await expect(sql`update subscribers set locale = 'xx'`.execute(db)).rejects.toThrow();
  });

  it('subscribes in the language of the form, confirms in it with links to its pages, and the latest form’s language wins', async () => {
    const transport = recordingTransport();
    await requestSubscription(store(), { email: 'amelie@example.org', countries: ['freedonia'], locale: 'fr' }, T0);
    await drainOutbox(store(), transport, updateSettings(french), () => T0);
    const [confirmation] = transport.sent;
    expect(confirmation!.subject).toBe('Confirmez votre abonnement à Crisis Briefings');
    expect(confirmation!.text).toContain('l’entrée CrisisWatch Freedonie');
    expect(confirmation!.text).toContain('https://briefings.example.org/fr/subscribe/confirm?token=');
    expect(confirmation!.text).toContain('https://briefings.example.org/fr/unsubscribe?token=');
    const token = linksOf(confirmation!).unsubscribe;
    expect(await getPreferences(store(), token)).toMatchObject({ locale: 'fr', untranslatedFallback: false });

    // Without a language (a script's JSON), the address keeps its own.
    await requestSubscription(store(), { email: 'AMELIE@example.org', countries: ['freedonia'] }, later(1));
    expect(await getPreferences(store(), token)).toMatchObject({ locale: 'fr' });
    // From the English form, later: English from now on, the next confirmation included.
    await requestSubscription(store(), { email: 'amelie@example.org', countries: ['freedonia'], locale: 'en' }, later(20));
    await drainOutbox(store(), transport, updateSettings(french), () => later(20));
    expect(transport.sent[1]!.subject).toBe('Confirm your subscription to Crisis Briefings');
    expect(transport.sent[1]!.text).toContain('https://briefings.example.org/subscribe/confirm?token=');
    expect(await getPreferences(store(), token)).toMatchObject({ locale: 'en' });
  });

  it('changes the language and the English-texts option on the preferences page; leaving keeps them', async () => {
    await follower(store(), 'ana@example.org', 'en');
    const token = tokens.get('ana@example.org')!;
    expect(await savePreferences(store(), token, ['freedonia'], later(1), { locale: 'fr', untranslatedFallback: true })).toMatchObject({
      state: 'saved',
      preferences: { locale: 'fr', untranslatedFallback: true, countries: ['freedonia'] },
    });
    expect(await savePreferences(store(), token, [], later(2))).toMatchObject({ preferences: { status: 'unsubscribed', locale: 'fr', untranslatedFallback: true } });
  });

  it('records both editions of every entry on the first run, and counts entries, not editions', async () => {
    expect(await announceEntries(store(), before(french), T0)).toEqual({ baseline: 2, announced: [], queued: 0 });
    const keys = await store().db.selectFrom('announcements').select(['entry_key', 'locale', 'state']).orderBy('entry_key').execute();
    expect(keys).toEqual([
      { entry_key: 'freedonia/2024-04', locale: 'en', state: 'baseline' },
      { entry_key: 'freedonia/2024-04@fr', locale: 'fr', state: 'baseline' },
      { entry_key: 'freedonia/2024-05', locale: 'en', state: 'baseline' },
      { entry_key: 'freedonia/2024-05@fr', locale: 'fr', state: 'baseline' },
    ]);
    expect((await getUpdateStatus(store(), publishedEntriesOf(french))).entries.map((entry) => [entry.entry, entry.state])).toEqual([
      ['freedonia/2024-06', 'not announced yet'],
      ['freedonia/2024-06@fr', 'not announced yet'],
    ]);
  });

  it('English first, French later: each edition mails its own readers, and nobody gets the entry twice', async () => {
    const en = await follower(store(), 'ana@example.org', 'en');
    const fr = await follower(store(), 'amelie@example.org', 'fr');
    const fallback = await follower(store(), 'bruno@example.org', 'fr', { fallback: true });
    const switcher = await follower(store(), 'carl@example.org', 'en');
    await announceEntries(store(), before(english), later(1));

    // The English text is published; the build has no French one.
    expect(await announceEntries(store(), publishedEntriesOf(english), later(2))).toEqual({ baseline: 0, announced: ['freedonia/2024-06'], queued: 3 });
    const first = await drain(store(), english, later(2));
    expect([...first.keys()].sort()).toEqual([en, fallback, switcher].sort());
    expect(first.get(en)![0]!.subject).toBe(ENGLISH_SUBJECT);
    // The French subscriber who asked for English texts: a French message, the English text marked as such.
    const marked = first.get(fallback)![0]!;
    expectFrench(marked);
    expect(marked.text).toContain('[Texte disponible en anglais]');
    expect(marked.text).toContain(ENGLISH_LEAD);
    expect(marked.html).toMatch(/<div lang="en">\n<p lang="fr"[^>]*>Texte disponible en anglais<\/p>\n<p[^>]*>The fictional government/);

    // The English reader switches to French before the translation is out.
    await savePreferences(store(), tokens.get(switcher)!, ['freedonia'], later(3), { locale: 'fr', untranslatedFallback: false });
    // The French text is published in a later build: only the French reader who had nothing gets it.
    expect(await announceEntries(store(), publishedEntriesOf(french), later(4))).toEqual({ baseline: 0, announced: ['freedonia/2024-06@fr'], queued: 1 });
    const second = await drain(store(), french, later(4));
    expect([...second.keys()]).toEqual([fr]);
    expectFrench(second.get(fr)![0]);
    expect(second.get(fr)![0]!.text).toContain(FRENCH_LEAD);
    expect(second.get(fr)![0]!.text).not.toContain('Texte disponible en anglais');
    expect(second.get(fr)![0]!.html).not.toContain('lang="en"');

    // A redeploy sends nothing more, to anyone.
    expect(await announceEntries(store(), publishedEntriesOf(french), later(5))).toMatchObject({ announced: [], queued: 0 });
    expect((await drain(store(), french, later(90))).size).toBe(0);
  });

  it('English and French together: French readers get the French text, English readers the English one, once each', async () => {
    const en = await follower(store(), 'ana@example.org', 'en');
    const fr = await follower(store(), 'amelie@example.org', 'fr');
    const fallback = await follower(store(), 'bruno@example.org', 'fr', { fallback: true });
    await announceEntries(store(), before(french), later(1));
    expect(await announceEntries(store(), publishedEntriesOf(french), later(2))).toEqual({ baseline: 0, announced: ['freedonia/2024-06', 'freedonia/2024-06@fr'], queued: 3 });
    const sent = await drain(store(), french, later(2));
    expect([...sent.keys()].sort()).toEqual([en, fr, fallback].sort());
    expect(sent.get(en)!.map((message) => message.subject)).toEqual([ENGLISH_SUBJECT]);
    for (const reader of [fr, fallback]) {
      expect(sent.get(reader)).toHaveLength(1);
      expectFrench(sent.get(reader)![0]);
      expect(sent.get(reader)![0]!.text).toContain(FRENCH_LEAD);
    }
    // Each edition is counted on its own.
    const status = await getUpdateStatus(store(), publishedEntriesOf(french));
    expect(status.entries.map((entry) => [entry.entry, entry.sent])).toEqual(expect.arrayContaining([['freedonia/2024-06', 1], ['freedonia/2024-06@fr', 2]]));
  });

  it('mails an entry never translated only to French readers who asked for English texts', async () => {
    await follower(store(), 'amelie@example.org', 'fr');
    const fallback = await follower(store(), 'bruno@example.org', 'fr', { fallback: true });
    await announceEntries(store(), before(english), later(1));
    expect(await announceEntries(store(), publishedEntriesOf(english), later(2))).toMatchObject({ queued: 1 });
    const sent = await drain(store(), english, later(2));
    expect([...sent.keys()]).toEqual([fallback]);
  });

  it('chooses the message’s language when it is sent: a translation that reached the sender by then is used', async () => {
    const fallback = await follower(store(), 'bruno@example.org', 'fr', { fallback: true });
    await announceEntries(store(), before(english), later(1));
    await announceEntries(store(), publishedEntriesOf(english), later(2));
    const sent = await drain(store(), french, later(3));
    expect(sent.get(fallback)![0]!.text).toContain(FRENCH_LEAD);
  });
});

it('records the languages each entry has in the build, and reads a build from before them as English only', async () => {
  expect(publishedEntriesOf(french).map((entry) => [entry.month, entry.languages])).toEqual([
    ['2024-06', ['en', 'fr']],
    ['2024-05', ['en']],
    ['2024-04', ['en']],
  ]);
  const dir = await mkdtemp(path.join(tmpdir(), 'published-'));
  try {
    await writeFile(path.join(dir, PUBLISHED_ENTRIES_FILE), JSON.stringify({ entries: [{ country: 'freedonia', month: '2024-06', notify: true }] }));
    expect(await readPublishedEntries(dir)).toEqual([{ country: 'freedonia', month: '2024-06', notify: true, languages: ['en'] }]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  expect(parseEntryKey('freedonia/2024-06@fr')).toEqual({ country: 'freedonia', month: '2024-06', locale: 'fr' });
  expect(parseEntryKey('freedonia/2024-06')).toEqual({ country: 'freedonia', month: '2024-06', locale: 'en' });
  expect(parseEntryKey('freedonia/2024-06@xx')).toBeUndefined();
});
