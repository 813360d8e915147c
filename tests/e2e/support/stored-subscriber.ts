import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { E2E_DATA_DIR } from '../sites';
import { ROOT } from './app-server';

export type StoredSubscriber = { status: string; countries: string[] };

/**
 * What the main site's store holds for an address (read-only, beside the running server), or
 * undefined when it holds nothing: how a test sees that a refused post stored nothing.
 */
export function storedSubscriber(email: string): StoredSubscriber | undefined {
  const file = path.join(ROOT, E2E_DATA_DIR, 'subscribers.db');
  // The server creates its store on first use: no file yet, nothing stored.
  if (!existsSync(file)) return undefined;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare<[string], { id: string; status: string }>('select id, status from subscribers where email_key = ?').get(email.toLowerCase());
    if (!row) return undefined;
    const countries = db.prepare<[string], { country: string }>('select country from subscriptions where subscriber_id = ? order by country').all(row.id);
    return { status: row.status, countries: countries.map((followed) => followed.country) };
  } finally {
    db.close();
  }
}
