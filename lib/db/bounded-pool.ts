import type { PostgresPool, PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { asStoreFault, markStoreFault } from './store-fault';

/**
 * Hands Kysely a pg pool that survives a database going away. Two things pg leaves to us:
 * - an idle client whose server disappears emits 'error' on the pool, which would kill the
 *   process if nobody listened;
 * - a client whose query timed out on our side (the server or the network stopped answering)
 *   still has that query in flight, so the next query on it would wait behind it. Such a client
 *   is destroyed when released instead of going back to the pool; the next checkout connects
 *   afresh, which succeeds as soon as the database is back.
 * Errors the server itself reported (a constraint, a statement timeout) leave the client usable.
 * Every error from the pool or a query is marked as the store's own (store-fault.ts).
 */
export function boundedPool(pool: pg.Pool, log: (message: string) => void = (message) => console.warn(message)): PostgresPool {
  pool.on('error', (error) => log(`database: an idle connection failed (${error.message}); it will be replaced`));
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await asStoreFault(() => pool.connect());
      let broken = false;
      const noteFault = (error: unknown) => {
        if (!(error instanceof pg.DatabaseError)) broken = true;
        throw markStoreFault(error);
      };
      const query = ((...args: Parameters<PostgresPoolClient['query']>) => {
        const result: unknown = Reflect.apply(client.query, client, args);
        return result instanceof Promise ? result.catch(noteFault) : result;
      }) as PostgresPoolClient['query'];
      return {
        query,
        release: () => client.release(broken || undefined),
      };
    },
    end: () => pool.end(),
  };
}
