import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { appendFile, chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { asPostgresUser, findPostgresBinaries, postgresUnavailableReason, postgresUser, runsAsRoot } from './postgres-binaries';
import { freePort } from './ports';
import { onProcessExit } from './stop-on-exit';

export { findPostgresBinaries, postgresUnavailableReason } from './postgres-binaries';

export interface PostgresCluster {
  readonly port: number;
  /** The temporary folder: data directory, unix socket and `postgres.log`. */
  readonly dir: string;
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  readonly url: string;
  databaseUrl(name: string): string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Starts it again on the same data directory and port, for "the database comes back" tests. */
  start(): Promise<void>;
  /** Stops it immediately and deletes the folder; safe to call twice. */
  destroy(): Promise<void>;
}

export interface PostgresClusterOptions {
  /** Default: a free port. */
  port?: number;
  /**
   * The folder to create the cluster's temporary folder in (default: the OS temp folder). As root,
   * the `postgres` user must be able to reach it.
   */
  dir?: string;
  /** Trades durability for speed (no fsync anywhere), for tests and benchmarks. */
  fast?: boolean;
}

export class PostgresClusterError extends Error {
  override name = 'PostgresClusterError';
}

function run(program: string, args: string[], cwd: string): Promise<void> {
  const [command, commandArgs] = asPostgresUser(program, args);
  return new Promise((resolve, reject) => {
    execFile(command, commandArgs, { cwd }, (error, _stdout, stderr) => {
      if (error) reject(new PostgresClusterError(`${[path.basename(program), ...args].join(' ')} failed: ${stderr.trim() || error.message}`));
      else resolve();
    });
  });
}


async function logTail(logFile: string): Promise<string> {
  const log = await readFile(logFile, 'utf8').catch(() => '');
  return log.trim().split('\n').slice(-10).join('\n');
}

/** initdb's own folder plus the settings that keep the server private to this folder and to 127.0.0.1. */
async function createDataDirectory(initdb: string, dir: string, dataDir: string, port: number, fast: boolean): Promise<void> {
  // The C locale exists everywhere and sorts the same on every machine; the app lower-cases in JS.
  await run(initdb, ['-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', ...(fast ? ['--no-sync'] : []), '-D', dataDir], dir);
  const settings = [
    "listen_addresses = '127.0.0.1'",
    `port = ${port}`,
    `unix_socket_directories = '${dir.replaceAll("'", "''")}'`,
    ...(fast ? ['fsync = off', 'synchronous_commit = off', 'full_page_writes = off'] : []),
  ];
  await appendFile(path.join(dataDir, 'postgresql.conf'), `\n# startPostgresCluster\n${settings.join('\n')}\n`);
}

/** A PostgreSQL cluster of its own in a temporary folder, listening on 127.0.0.1 only. */
export async function startPostgresCluster(options: PostgresClusterOptions = {}): Promise<PostgresCluster> {
  const binaries = findPostgresBinaries();
  const unavailable = postgresUnavailableReason();
  if (!binaries || unavailable) throw new PostgresClusterError(`cannot start PostgreSQL: ${unavailable}`);
  const port = options.port ?? (await freePort());
  const dir = await mkdtemp(path.join(options.dir ?? tmpdir(), 'pg-cluster-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let running = false;

  // Synchronous, for a process that is ending. Only while running: otherwise postmaster.pid is gone
  // or stale, and its pid may belong to someone else by now.
  const stopNow = () => {
    if (running) signalPostmaster(dataDir);
    running = false;
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };
  const forgetOnExit = onProcessExit(stopNow);

  const start = async () => {
    if (running) return;
    try {
      await run(binaries.pgCtl, ['-D', dataDir, '-l', logFile, '-w', '-t', '60', 'start'], dir);
    } catch (error) {
      // A server that missed the deadline may still be up: leave it to stop() and destroy().
      running = existsSync(path.join(dataDir, 'postmaster.pid'));
      throw new PostgresClusterError(`${error instanceof Error ? error.message : String(error)}\n${await logTail(logFile)}`);
    }
    running = true;
    await query(url, 'select 1');
  };

  const stop = async (mode: 'fast' | 'immediate' = 'fast') => {
    if (!running) return;
    await run(binaries.pgCtl, ['-D', dataDir, '-m', mode, '-w', '-t', '60', 'stop'], dir);
    running = false;
  };

  let destroyed: Promise<void> | undefined;
  const destroy = () =>
    (destroyed ??= (async () => {
      await stop('immediate').catch(() => stopNow());
      forgetOnExit();
      await rm(dir, { recursive: true, force: true, maxRetries: 3 });
    })());

  try {
    const owner = runsAsRoot() ? postgresUser() : undefined;
    if (owner) await chown(dir, owner.uid, owner.gid);
    await createDataDirectory(binaries.initdb, dir, dataDir, port, options.fast ?? false);
    await start();
  } catch (error) {
    await destroy();
    throw error;
  }

  const databaseUrl = (name: string) => `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(name)}`;
  return {
    port,
    dir,
    url,
    databaseUrl,
    async createDatabase(name) {
      await query(url, `create database ${pg.escapeIdentifier(name)}`);
      return databaseUrl(name);
    },
    stop,
    start,
    destroy,
  };
}

/** What `pg_ctl stop -m immediate` does, without waiting: SIGQUIT to the postmaster. */
function signalPostmaster(dataDir: string): void {
  try {
    const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (pid > 0) process.kill(pid, 'SIGQUIT');
  } catch {
    // Already gone.
  }
}

async function query(connectionString: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
