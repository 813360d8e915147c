import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startAppServer } from '../e2e/support/app-server';
import { send, subscribe, type Answer } from '../e2e/support/http';
import { holdSqliteWriteLock } from '../support/sqlite-write-lock';
import { formatTable, ms, ratio } from './format-table';
import { median, percentile } from './stats';

/** Longer than DATABASE_TIMEOUT_MS, so a post waits out its whole bound while the lock is held. */
const SECONDS = 8;

type Phase = { pages: Answer[]; posts: Answer[] };

/**
 * /mali on bare `npm start` with a SQLite store while a client keeps posting subscriptions: once
 * with the store free (the baseline, same run), once while another process holds SQLite's write
 * lock (BEGIN IMMEDIATE) the whole time. Page latency is what a reader waits; the posts' answers
 * say how a busy store is answered.
 */
export async function sqliteLockBench(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-sqlite-lock-'));
  const file = path.join(dir, 'subscribers.db');
  const site = await startAppServer({ DATABASE_URL: file, MAIL_DIR: path.join(dir, 'mail'), SITE_URL: 'http://127.0.0.1' });
  try {
    await subscribe(site.url, 'warm-up@example.org', { origin: 'http://127.0.0.1' });
    const free = await measure(site.url, 'free');
    const lock = await holdSqliteWriteLock(file);
    let locked: Phase;
    try {
      locked = await measure(site.url, 'locked');
    } finally {
      await lock.release();
    }
    const baseline = median(free.pages.map((page) => page.ms));
    const row = (name: string, phase: Phase) => {
      const times = phase.pages.map((page) => page.ms);
      const statuses = countBy(phase.posts.map((post) => String(post.status)));
      return [name, String(phase.pages.length), ms(median(times)), ms(percentile(times, 0.99)), ms(Math.max(...times)), ratio(median(times), baseline), statuses, ms(median(phase.posts.map((post) => post.ms)))];
    };
    console.log(`/mali read one request after another for ${SECONDS} s while one client posts subscriptions one after another (bare npm start, SQLite store, DATABASE_TIMEOUT_MS 5000)`);
    console.log(
      formatTable(
        ['store', 'pages', 'median ms', 'p99 ms', 'max ms', 'median vs free', 'posts answered', 'post median ms'],
        [row('free (baseline, same run)', free), row('write lock held by another process', locked)],
      ),
    );
  } finally {
    await site.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

async function measure(url: string, tag: string): Promise<Phase> {
  const until = Date.now() + SECONDS * 1_000;
  const phase: Phase = { pages: [], posts: [] };
  const reader = async () => {
    while (Date.now() < until) phase.pages.push(await send(`${url}/mali`));
  };
  const poster = async () => {
    for (let index = 0; Date.now() < until; index += 1) phase.posts.push(await subscribe(url, `${tag}-${index}@example.org`, { origin: 'http://127.0.0.1' }));
  };
  await Promise.all([reader(), poster()]);
  return phase;
}

function countBy(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => `${count}× ${value}`).join(', ');
}
