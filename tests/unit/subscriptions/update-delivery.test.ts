import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { beforeAll, expect, it } from 'vitest';
import { loadContent, type ContentTree } from '@/lib/content/load-content';
import { openDatabase, type SubscriberDb } from '@/lib/db/database';
import { createSmtpTransport, type MailTransport } from '@/lib/mail/mail-transport';
import { announceEntries, entryKey, type PublishedEntry } from '@/lib/subscriptions/announcements';
import { drainOutbox, type DrainResult } from '@/lib/subscriptions/outbox';
import { publishedEntriesOf } from '@/lib/subscriptions/published-entries';
import { confirmSubscription, requestSubscriptions } from '@/lib/subscriptions/subscriber-store';
import { startSmtpSink } from '../../support/smtp-sink';
import { onEachBackend } from './backends';
import { linksOf, recordingTransport } from './recording-transport';
import { FIXTURES, updateSettings } from './fixture-updates';

/**
 * Update mail through crashes and concurrency: a sender SIGKILLed mid-run, two senders on one
 * PostgreSQL, an announcer SIGKILLed mid-way. The killed processes run send-run.ts, against the
 * same store as the test (a SQLite file, or a PostgreSQL database of this file's own).
 */

const POSTGRES_URL = process.env.TEST_DATABASE_URL;
if (!POSTGRES_URL) {
  console.warn(
    'update-delivery: the PostgreSQL variants, and "two senders on one PostgreSQL never send a message twice" (PostgreSQL only), are SKIPPED: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run them.',
  );
}

const SCRIPT = fileURLToPath(new URL('./send-run.ts', import.meta.url));
const ENTRY = entryKey('freedonia', '2024-06');
/** Connections (and so messages under way at once) of createSmtpTransport. */
const SMTP_CONNECTIONS = 5;
const TEST_TIMEOUT_MS = 20_000;

let content: ContentTree;
beforeAll(async () => {
  content = await loadContent(FIXTURES);
});
const settings = () => updateSettings(content);

/** Freedonia's 2024-04 and 2024-05 are "already published"; 2024-06 is the new entry. */
const published = (): PublishedEntry[] => publishedEntriesOf(content);
const before = () => published().filter((entry) => entry.month !== '2024-06');
const minutesAfter = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);

/** `count` readers who subscribed to `country` and confirmed from the mail, all at `at`; returns their addresses. */
async function confirmedFollowers(store: SubscriberDb, count: number, country: string, at: Date): Promise<string[]> {
  const emails = Array.from({ length: count }, (_, index) => `reader${String(index).padStart(3, '0')}@example.org`);
  await requestSubscriptions(
    store,
    emails.map((email) => ({ email, countries: [country] })),
    at,
  );
  const transport = recordingTransport();
  await drainOutbox(store, transport, settings(), () => at);
  expect(transport.sent).toHaveLength(count);
  for (const message of transport.sent) expect((await confirmSubscription(store, linksOf(message).confirm, at)).state).toBe('confirmed');
  return emails;
}

/** The baseline run, then the run that announces freedonia/2024-06 to `followers` readers. */
async function announceJune(store: SubscriberDb, at: Date, followers: number): Promise<void> {
  expect(await announceEntries(store, before(), minutesAfter(at, 1))).toMatchObject({ announced: [] });
  expect(await announceEntries(store, published(), minutesAfter(at, 2))).toEqual({ baseline: 0, announced: [ENTRY], queued: followers });
}

/** The entry's outbox rows. */
const outboxRows = (store: SubscriberDb) =>
  store.db.selectFrom('outbox').select(['subscriber_id', 'sent_at', 'claim_id', 'claimed_until', 'created_at']).where('entry_key', '=', ENTRY).execute();

async function sentRows(store: SubscriberDb): Promise<number> {
  return (await outboxRows(store)).filter((row) => row.sent_at !== null).length;
}

function recipientsOf(received: readonly ParsedMail[]): string[] {
  return received.flatMap((mail) => [mail.to ?? []].flat().flatMap((to) => to.value.map((address) => address.address ?? '?'))).map((address) => address.toLowerCase());
}

/** How many messages each address received. */
function perRecipient(received: readonly ParsedMail[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const address of recipientsOf(received)) counts.set(address, (counts.get(address) ?? 0) + 1);
  return counts;
}

type Child = { kill: () => void; exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>; running: () => boolean; output: () => string };

/** send-run.ts in a process of its own. */
function startChild(args: string[]): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    kill: () => child.kill('SIGKILL'),
    exit,
    running: () => child.exitCode === null && child.signalCode === null,
    output: () => output,
  };
}

/** Polls until `check` holds; fails at once if the child it watches has ended. */
async function waitFor(what: string, check: () => boolean | Promise<boolean>, child?: Child, timeoutMs = 12_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (child && !child.running()) throw new Error(`the child ended before ${what}:\n${child.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${child ? `; child output:\n${child.output()}` : ''}`);
    await sleep(5);
  }
}

/**
 * An SMTP server whose "accepted" means what a sender can rely on: it answered 250 to the end of
 * the message on a connection still open. (tests/support/smtp-sink.ts counts a message once its
 * delay is over even when the client has gone meanwhile and never saw the 250; smtp-server calls
 * onData's callback all the same.) After `holdAfter` messages it answers nothing more: each further
 * message, received in full, is held unanswered until its client disconnects, and then dropped,
 * as a server does with a message whose transaction the client did not see through.
 */
type AnsweringSink = {
  url: string;
  received: ParsedMail[];
  /** Messages answered 250 on a live connection. */
  count: () => number;
  /** Messages received in full and not answered (yet). */
  held: () => number;
  /** Stops answering once `count` messages have been accepted (Infinity: never). */
  holdAfter: (count: number) => void;
  setDelay: (ms: number) => void;
  close: () => Promise<void>;
};

async function startAnsweringSink(options: { delayMs: number; holdAfter?: number }): Promise<AnsweringSink> {
  const received: ParsedMail[] = [];
  let accepted = 0;
  let held = 0;
  let limit = options.holdAfter ?? Infinity;
  let delayMs = options.delayMs;
  // Leaves the set as soon as the socket closes (before onClose, which comes a tick later).
  const isOpen = (id: string) => [...server.connections].some((connection) => connection.id === id);
  const server: SMTPServer = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    closeTimeout: 200,
    onData(stream, session, callback) {
      Promise.all([simpleParser(stream), sleep(delayMs)])
        .then(async ([mail]) => {
          if (accepted >= limit) {
            held += 1;
            while (isOpen(session.id) && accepted >= limit) await sleep(5);
            held -= 1;
          }
          // Checked in the same tick as the answer: nothing counts that no live client was told.
          if (!isOpen(session.id)) return callback(new Error('the client has gone'));
          received.push(mail);
          accepted += 1;
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    count: () => accepted,
    held: () => held,
    holdAfter: (count) => {
      limit = count;
    },
    setDelay: (ms) => {
      delayMs = ms;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

onEachBackend('update delivery', (store, { location, dialect }) => {
  it(
    'a SIGKILL in the middle of a send run loses nothing and duplicates nothing',
    async () => {
      const followers = 30;
      const acceptedBeforeKill = 8;
      const at = minutesAfter(new Date(), -10);
      const emails = await confirmedFollowers(store(), followers, 'freedonia', at);
      await announceJune(store(), at, followers);

      // Each message takes the server 150 ms to answer; after 8 it answers nothing more.
      const sink = await startAnsweringSink({ delayMs: 150, holdAfter: acceptedBeforeKill });
      const sender = startChild(['drain', location(), sink.url]);
      try {
        /*
         * What this covers: the sender dies (SIGKILL, no cleanup) with messages in every state but
         * one. 8 were accepted (250) and recorded as sent; 5 were transmitted in full and are held
         * by the server, unanswered, one on each of the sender's connections; the other 17 are
         * claimed by the dead sender and not begun. Nothing is lost: the claims lapse and a later
         * run sends those 22. Nothing is duplicated: the 8 are settled, and the 5 were never
         * accepted (their connections drop before the 250, so the server keeps nothing).
         *
         * What it does not cover, and SMTP cannot close: the server answers 250 and the sender
         * dies before its database records it. The message is delivered, the row still looks
         * unsent, and the next run delivers it again (at least once, not exactly once, there). The
         * kill waits until every 250 has been recorded so that it never lands in that window: it
         * lasts only a settle (one UPDATE) per message, but a kill at a random moment would land in
         * it now and then.
         */
        await waitFor('the server to hold one message on each connection', () => sink.count() === acceptedBeforeKill && sink.held() === SMTP_CONNECTIONS, sender);
        await waitFor('the sender to record every message the server accepted', async () => (await sentRows(store())) === acceptedBeforeKill, sender);
        expect(sink.held()).toBe(SMTP_CONNECTIONS);
        sender.kill();
        expect((await sender.exit).signal).toBe('SIGKILL');
      } finally {
        if (sender.running()) sender.kill();
      }
      // The held messages' connections dropped with the process: the server kept none of them.
      await waitFor('the server to drop the held messages', () => sink.held() === 0);
      expect(sink.count()).toBe(acceptedBeforeKill);
      const afterKill = await outboxRows(store());
      expect(afterKill.filter((row) => row.sent_at !== null)).toHaveLength(acceptedBeforeKill);
      expect(afterKill.filter((row) => row.sent_at === null && row.claim_id !== null)).toHaveLength(followers - acceptedBeforeKill);

      sink.holdAfter(Infinity);
      sink.setDelay(0);
      const transport = createSmtpTransport(sink.url, 5_000);
      try {
        // While the dead sender's claims last, nobody takes its rows over...
        expect(await drainOutbox(store(), transport, settings())).toMatchObject({ sent: 0, failed: 0 });
        // ...and once they have lapsed, the next run sends what it had not.
        const resumed = await drainOutbox(store(), transport, settings(), () => new Date(Date.now() + 10 * 60_000));
        expect(resumed).toEqual({ sent: followers - acceptedBeforeKill, failed: 0, skipped: 0, undeliverable: 0 });
      } finally {
        transport.close();
        await sink.close();
      }

      const counts = perRecipient(sink.received);
      expect([...counts.keys()].sort()).toEqual(emails);
      expect([...counts.values()].every((count) => count === 1)).toBe(true);
      expect(sink.received).toHaveLength(followers);
      expect(sink.received.every((mail) => mail.subject === 'Freedonia, June 2024: Unchanged Situation')).toBe(true);
      const rows = await outboxRows(store());
      expect(rows).toHaveLength(followers);
      expect(rows.filter((row) => row.sent_at === null || row.claim_id !== null)).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  if (dialect === 'postgres') {
    it(
      'two senders on one PostgreSQL never send a message twice',
      async () => {
        const followers = 200;
        const at = minutesAfter(new Date(), -10);
        const emails = await confirmedFollowers(store(), followers, 'freedonia', at);
        await announceJune(store(), at, followers);

        const sink = await startSmtpSink({ delayMs: 10 });
        // Two pools, as two instances have: neither knows what the other claimed but through the database.
        const instances = await Promise.all([1, 2].map(() => openDatabase(location())));
        const transports = instances.map(() => createSmtpTransport(sink.url, 5_000));
        // Each instance drains as the outbox worker does, again and again until nothing is left: one
        // drainOutbox ends when its claim finds nothing free, which can happen while the other holds
        // rows. How the work is split is not asserted: it can be anything, even all to one sender
        // (on a table without statistics, one claim statement has been seen to take 176 rows of a
        // batch of 50 while the other sender claimed concurrently).
        const drainUntilEmpty = async (instance: SubscriberDb, transport: MailTransport) => {
          const total: DrainResult = { sent: 0, failed: 0, skipped: 0, undeliverable: 0 };
          for (const deadline = Date.now() + 12_000; Date.now() < deadline; ) {
            const result = await drainOutbox(instance, transport, settings());
            for (const key of Object.keys(total) as (keyof DrainResult)[]) total[key] += result[key];
            if ((await sentRows(instance)) === followers) return total;
            await sleep(20);
          }
          throw new Error(`the outbox was not drained: ${JSON.stringify(total)}`);
        };
        try {
          const results = await Promise.all(instances.map((instance, index) => drainUntilEmpty(instance, transports[index]!)));
          expect(results.reduce((sum, result) => sum + result.sent, 0)).toBe(followers);
          expect(results.map((result) => result.failed + result.skipped + result.undeliverable)).toEqual([0, 0]);
        } finally {
          for (const transport of transports) transport.close();
          await Promise.all(instances.map((instance) => instance.close()));
          await sink.close();
        }
        expect(sink.count()).toBe(followers);
        const counts = perRecipient(sink.received);
        expect(counts.size).toBe(followers);
        expect([...counts.keys()].sort()).toEqual(emails);
        expect((await outboxRows(store())).filter((row) => row.sent_at === null)).toEqual([]);
      },
      TEST_TIMEOUT_MS,
    );
  }

  it(
    'a restart while announcing resumes and queues each message once',
    async () => {
      const followers = 100;
      const at = minutesAfter(new Date(), -10);
      await confirmedFollowers(store(), followers, 'freedonia', at);
      expect(await announceEntries(store(), before(), minutesAfter(at, 1))).toMatchObject({ announced: [] });
      const startedAt = minutesAfter(at, 2);
      const subscriberIds = (await store().db.selectFrom('subscriptions').select('subscriber_id').where('country', '=', 'freedonia').execute()).map((row) => row.subscriber_id).sort();
      expect(subscriberIds).toHaveLength(followers);

      // 10 recipients a batch, every statement 30 ms late: 11 batches take well over a second.
      const announcer = startChild(['announce', location(), startedAt.toISOString(), '30']);
      const announcement = () => store().db.selectFrom('announcements').select(['state', 'cursor', 'started_at']).where('entry_key', '=', ENTRY).executeTakeFirst();
      try {
        await waitFor(
          'a batch to be committed',
          async () => {
            const row = await announcement();
            return row?.state === 'enqueuing' && row.cursor !== '';
          },
          announcer,
        );
        announcer.kill();
        expect((await announcer.exit).signal).toBe('SIGKILL');
      } finally {
        if (announcer.running()) announcer.kill();
      }
      // Cut short: some batches are in, the rest (and the batch under way, if any) are not.
      expect(await announcement()).toMatchObject({ state: 'enqueuing', started_at: startedAt.toISOString() });
      const queuedBefore = (await outboxRows(store())).length;
      expect(queuedBefore).toBeGreaterThan(0);
      expect(queuedBefore).toBeLessThan(followers);

      // The restarted server's run finishes it: the entry is not announced again, and no one twice.
      expect(await announceEntries(store(), published(), minutesAfter(at, 3), { batchSize: 10 })).toEqual({ baseline: 0, announced: [], queued: followers - queuedBefore });
      const rows = await outboxRows(store());
      expect(rows).toHaveLength(followers);
      expect([...new Set(rows.map((row) => row.subscriber_id))].sort()).toEqual(subscriberIds);
      // Recipients and due time are as of the interrupted start, not the restart.
      expect(new Set(rows.map((row) => row.created_at))).toEqual(new Set([startedAt.toISOString()]));
      expect(await announcement()).toMatchObject({ state: 'enqueued' });
      // And nothing more on a further restart.
      expect(await announceEntries(store(), published(), minutesAfter(at, 4))).toEqual({ baseline: 0, announced: [], queued: 0 });
    },
    TEST_TIMEOUT_MS,
  );
});
