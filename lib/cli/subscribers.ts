import { getSettings } from '../config/settings';
import { migrateToLatest, openDatabase } from '../db/database';
import { listConfirmedSubscribers } from '../subscriptions/subscriber-store';
import { toCsv } from '../csv';

/** `npm run subscribers -- export`: the confirmed subscribers, the countries they follow (space-separated) and whether their address bounced, as CSV on standard output. */
async function main(command: string | undefined): Promise<number> {
  if (command !== 'export') {
    console.error('usage: npm run subscribers -- export   (prints confirmed subscribers as CSV)');
    return 2;
  }
  const store = await openDatabase(getSettings().DATABASE_URL);
  try {
    await migrateToLatest(store.db);
    const rows = await listConfirmedSubscribers(store);
    process.stdout.write(toCsv([['email', 'countries', 'confirmed_at', 'undeliverable_at'], ...rows.map((row) => [row.email, row.countries.join(' '), row.confirmed_at ?? '', row.undeliverable_at ?? ''])]));
    return 0;
  } finally {
    await store.close();
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
