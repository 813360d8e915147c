import { getSettings } from '../config/settings';
import { migrateToLatest, openDatabase } from '../db/database';

/** `npm run db:migrate`: brings the subscriber store (DATABASE_URL) up to date, then exits. */
async function main(): Promise<void> {
  const store = await openDatabase(getSettings().DATABASE_URL);
  try {
    const applied = await migrateToLatest(store.db);
    console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : `The ${store.dialect} database is up to date.`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
