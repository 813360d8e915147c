import type { SubscriberDb } from '../db/database';
import { getCrisisWatchEntry } from '../content';
import type { Locale } from '../i18n/locales';
import { announceEntries, parseEntryKey } from './announcements';
import type { UpdateContent } from './outbox';
import { readPublishedEntries } from './published-entries';

/**
 * Publishing is deploying: the first time a sending process reaches the store, it announces the
 * entries its build published that were never announced. Until that has succeeded once (the
 * store may be down at start) it is tried again before each drain.
 */
export function createAnnouncer(distDir: string, log: (message: string, error?: unknown) => void): (store: SubscriberDb) => Promise<void> {
  let done = false;
  return async (store) => {
    if (done) return;
    const entries = await readPublishedEntries(distDir);
    if (!entries) {
      done = true;
      log(`updates: no build in ${distDir}; no entry announced`);
      return;
    }
    const result = await announceEntries(store, entries, new Date());
    done = true;
    if (result.baseline > 0) log(`updates: first run: ${result.baseline} entries already published recorded as announced; nothing mailed`);
    if (result.announced.length > 0 || result.queued > 0) log(`updates: announced ${result.announced.join(', ') || 'nothing new'}; ${result.queued} messages queued`);
  };
}

/**
 * The entry an update message announces (whichever edition queued it), from this process's
 * content, as a reader of `locale` gets it: the translation if this build has it, else English.
 */
export async function updateContentOf(key: string, locale: Locale): Promise<UpdateContent | undefined> {
  const parsed = parseEntryKey(key);
  const found = parsed && (await getCrisisWatchEntry(parsed.country, parsed.month, locale));
  return found ? { country: found.country, entry: found.entry } : undefined;
}
