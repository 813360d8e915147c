import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { migrateToLatest, openDatabase, type SubscriberDb } from '../../lib/db/database';
import type { MailMessage } from '../../lib/mail/mail-transport';
import { handleSubscribeRequest } from '../../lib/subscribe/handle-subscribe-request';
import { createRateLimiter } from '../../lib/subscribe/rate-limiter';
import { drainOutbox } from '../../lib/subscriptions/outbox';
import { confirmSubscription, requestSubscription, unsubscribe } from '../../lib/subscriptions/subscriber-store';
import { formatTable, ms, ratio } from './format-table';
import { median, percentile } from './stats';

const STATES = ['new', 'pending', 'confirmed', 'unsubscribed'] as const;
type State = (typeof STATES)[number];
const SETTINGS = { siteUrl: 'http://127.0.0.1', siteName: 'Bench', from: 'bench@example.org', confirmTtlHours: 48 };

/**
 * Whether the answer to a valid address gives away what the site knows: the endpoint's time
 * (handler + SQLite store, no HTTP) for addresses in each state, interleaved in random order.
 * The baseline is a new address, measured in the same run.
 */
export async function subscribeTiming(rounds: number): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-subscribe-'));
  const store = await openDatabase(path.join(dir, 'subscribers.db'));
  try {
    await migrateToLatest(store.db);
    await prepare(store, rounds);
    const times: Record<State, number[]> = { new: [], pending: [], confirmed: [], unsubscribed: [] };
    const statuses = new Set<string>();
    for (let round = 0; round < rounds; round += 1) {
      for (const state of shuffle([...STATES])) {
        const started = performance.now();
        const response = await handleSubscribeRequest(jsonPost(`${state}-${round}@example.org`), {
          isAllowedOrigin: () => false,
          isKnownCountry: () => true,
          clientKey: 'bench',
          rateLimiter: createRateLimiter(0),
          subscribe: async (request) => void (await requestSubscription(store, request, new Date())),
        });
        const body = await response.text();
        times[state].push(performance.now() - started);
        statuses.add(`${response.status} ${body}`);
      }
    }
    const baseline = median(times.new);
    console.log(`Subscribe answer by the address's state (${rounds} posts each, interleaved; handler + SQLite store, no HTTP)`);
    console.log(
      formatTable(
        ['state', 'median ms', 'p90 ms', 'median vs new'],
        STATES.map((state) => [state, ms(median(times[state])), ms(percentile(times[state], 0.9)), ratio(median(times[state]), baseline)]),
      ),
    );
    console.log(`distinct answers (status and body) across all states: ${statuses.size}`);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function prepare(store: SubscriberDb, rounds: number): Promise<void> {
  const sent: MailMessage[] = [];
  const transport = { name: 'bench', maxSendMs: 1_000, concurrency: 1, send: async (message: MailMessage) => void sent.push(message), close: () => {} };
  const past = new Date(Date.now() - 3_600_000);
  for (let round = 0; round < rounds; round += 1) {
    for (const state of ['pending', 'confirmed', 'unsubscribed'] as const) await requestSubscription(store, { email: `${state}-${round}@example.org`, countries: ['mali'] }, past);
  }
  await drainOutbox(store, transport, SETTINGS, () => past);
  for (const message of sent) {
    if (message.to.startsWith('pending-')) continue;
    await confirmSubscription(store, /confirm\?token=([\w-]+)/.exec(message.text)?.[1], past);
    if (message.to.startsWith('unsubscribed-')) await unsubscribe(store, /unsubscribe\?token=([\w-]+)/.exec(message.text)?.[1], past);
  }
}

function jsonPost(email: string): Request {
  // A country the address already follows and one it does not, as a reader adding one would post.
  return new Request('http://127.0.0.1/api/subscribe', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, country: ['mali', 'niger'] }) });
}

function shuffle<T>(items: T[]): T[] {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = Math.floor(Math.random() * (index + 1));
    [items[index], items[other]] = [items[other]!, items[index]!];
  }
  return items;
}

