import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Kysely prepares every SQLite statement anew; preparing cost as much as running the statement
 * (a CPU profile of the subscribe endpoint under load: 12 % of the server's time). The same few
 * statements run again and again, so they are prepared once and kept, the least recently used
 * dropped beyond `max` (statements built with varying SQL, such as IN lists, come and go).
 */
export function withStatementCache(database: BetterSqlite3.Database, max = 256): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement) statements.delete(sql);
      else statement = database.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > max) statements.delete(statements.keys().next().value ?? sql);
      return statement;
    },
  };
}
