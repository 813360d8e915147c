import { setTimeout as sleep } from 'node:timers/promises';
import type { KyselyPlugin } from 'kysely';
import { loadContent } from '../../../lib/content/load-content';
import { openDatabase, type SubscriberDb } from '../../../lib/db/database';
import { createSmtpTransport } from '../../../lib/mail/mail-transport';
import { announceEntries } from '../../../lib/subscriptions/announcements';
import { drainOutbox } from '../../../lib/subscriptions/outbox';
import { publishedEntriesOf } from '../../../lib/subscriptions/published-entries';
import { FIXTURES, updateSettings } from './fixture-updates';

/**
 * A sender or an announcer in a process of its own, for update-delivery.test.ts to SIGKILL:
 *
 *   send-run.ts drain DATABASE SMTP_URL           drains the outbox through SMTP (real clock)
 *   send-run.ts announce DATABASE NOW SLOW_MS     announces every entry of tests/fixtures/valid as
 *                                                 of NOW, 10 recipients a batch, every statement
 *                                                 answered SLOW_MS late (so a kill lands mid-way)
 *
 * DATABASE is a SQLite file or a PostgreSQL URL, as for openDatabase. Prints one JSON line with
 * the result when it gets that far.
 */

/** Delays every statement's answer: the database as seen from a slow disk or a distant server. */
function slowStatements(ms: number): KyselyPlugin {
  return {
    transformQuery: (args) => args.node,
    async transformResult(args) {
      await sleep(ms);
      return args.result;
    },
  };
}

async function main(argv: string[]): Promise<void> {
  const [mode, database, ...rest] = argv;
  if (!database || (mode !== 'drain' && mode !== 'announce')) throw new Error('usage: send-run.ts drain DATABASE SMTP_URL | announce DATABASE NOW SLOW_MS');
  const content = await loadContent(FIXTURES);
  const store = await openDatabase(database);
  try {
    if (mode === 'drain') {
      const [smtpUrl] = rest;
      if (!smtpUrl) throw new Error('drain needs SMTP_URL');
      // Generous: a message the test holds unanswered must not time out before the kill.
      const transport = createSmtpTransport(smtpUrl, 15_000);
      try {
        console.log(JSON.stringify(await drainOutbox(store, transport, updateSettings(content))));
      } finally {
        transport.close();
      }
    } else {
      const [now, slowMs] = rest;
      if (!now) throw new Error('announce needs NOW');
      const slow: SubscriberDb = { ...store, db: store.db.withPlugin(slowStatements(Number(slowMs ?? 0))) };
      console.log(JSON.stringify(await announceEntries(slow, publishedEntriesOf(content), new Date(now), { batchSize: 10 })));
    }
  } finally {
    await store.close();
  }
}

// Run only as a script: the test file imports updateSettings from here. (tsx loads this file as
// CommonJS, so neither top-level await nor import.meta.)
if (process.argv[1]?.endsWith('send-run.ts')) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
