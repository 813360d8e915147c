import { setTimeout as sleep } from 'node:timers/promises';
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';
import { asStoreFault } from './store-fault';

/**
 * better-sqlite3 waits for another process's write lock synchronously (SQLite's busy handler
 * sleeps on the calling thread), so while the outbox worker, an export or a backup holds it, the
 * whole event loop stops, pages included. The connection is therefore opened with no busy
 * timeout, and a statement refused with SQLITE_BUSY is tried again after an asynchronous pause
 * until `timeoutMs` has passed; then the error stands and the store gate answers it as an
 * outage. Transactions begin IMMEDIATE, taking the write lock before anything else, so only a
 * BEGIN or a statement on its own is ever refused: nothing of it was applied, and trying it again
 * is safe (a deferred transaction that read first could not take the lock after another writer).
 * What a statement finally throws is marked as the store's own (store-fault.ts).
 */
export function busyRetryingSqliteDialect(config: SqliteDialectConfig, timeoutMs: number): SqliteDialect {
  return new (class extends SqliteDialect {
    override createDriver(): Driver {
      return new BusyRetryingDriver(config, timeoutMs);
    }
  })(config);
}

class BusyRetryingDriver extends SqliteDriver {
  readonly #timeoutMs: number;
  readonly #connections = new WeakMap<DatabaseConnection, DatabaseConnection>();

  constructor(config: SqliteDialectConfig, timeoutMs: number) {
    super(config);
    this.#timeoutMs = timeoutMs;
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    let retrying = this.#connections.get(connection);
    if (!retrying) {
      retrying = {
        executeQuery: (query) => asStoreFault(() => retryWhileBusy(() => connection.executeQuery(query), this.#timeoutMs)),
        streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
      };
      this.#connections.set(connection, retrying);
    }
    return retrying;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/** SQLITE_BUSY and its extended codes: another connection holds the lock this statement needs. */
export function isSqliteBusy(error: unknown): boolean {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('SQLITE_BUSY');
}

async function retryWhileBusy<T>(attempt: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let pauseMs = 2; ; pauseMs = Math.min(pauseMs * 2, 50)) {
    try {
      return await attempt();
    } catch (error) {
      if (!isSqliteBusy(error) || Date.now() + pauseMs > deadline) throw error;
      await sleep(pauseMs);
    }
  }
}
