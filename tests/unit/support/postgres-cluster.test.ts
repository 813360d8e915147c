import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresUnavailableReason, startPostgresCluster, type PostgresCluster } from '@/tests/support/deployment/postgres-cluster';

const unavailable = postgresUnavailableReason();
if (unavailable) console.warn(`PostgreSQL cluster tests SKIPPED: ${unavailable}`);

async function queryOne(url: string, text: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, unknown>>(text);
    return Object.values(rows[0] ?? {})[0];
  } finally {
    await client.end();
  }
}

/** Resolves true once nothing listens on the port any more, false if something still does after 3 s. */
async function portClosed(port: number): Promise<boolean> {
  for (let attempt = 0; attempt < 30; attempt += 1) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (!open) return true;
    await sleep(100);
  }
  return false;
}

describe.skipIf(unavailable)('a PostgreSQL cluster of its own', () => {
  let cluster: PostgresCluster;
  beforeAll(async () => {
    cluster = await startPostgresCluster({ fast: true });
  });
  afterAll(() => cluster?.destroy());

  it('listens on 127.0.0.1 at its own port, never the shared server, and creates databases', async () => {
    expect(cluster.port).not.toBe(5432);
    expect(cluster.url).toBe(`postgres://postgres@127.0.0.1:${cluster.port}/postgres`);
    const url = await cluster.createDatabase('harness');
    expect(url).toBe(`postgres://postgres@127.0.0.1:${cluster.port}/harness`);
    expect(await queryOne(url, 'select 1')).toBe(1);
    expect(await queryOne(url, 'select current_database()')).toBe('harness');
    expect(await queryOne(url, 'show listen_addresses')).toBe('127.0.0.1');
    expect(await queryOne(url, 'show unix_socket_directories')).toBe(cluster.dir);
    expect(await queryOne(url, 'show fsync')).toBe('off');
  });

  it('stops, refuses connections while stopped, and comes back on the same port with its data', async () => {
    const url = cluster.databaseUrl('harness');
    await queryOne(url, 'create table kept as select 42 as answer');
    await cluster.stop();
    await expect(queryOne(url, 'select 1')).rejects.toThrow(/ECONNREFUSED/);
    await cluster.start();
    expect(await queryOne(url, 'select answer from kept')).toBe(42);
    // An immediate stop is a crash to PostgreSQL: it recovers on the next start.
    await cluster.stop('immediate');
    await cluster.start();
    expect(await queryOne(url, 'select answer from kept')).toBe(42);
  });

  it('destroy stops it and removes its folder, and can be called twice', async () => {
    const { dir, port } = cluster;
    expect(existsSync(dir)).toBe(true);
    await cluster.destroy();
    await cluster.destroy();
    expect(existsSync(dir)).toBe(false);
    expect(await portClosed(port)).toBe(true);
  });
});

/** Runs a cluster in a child process that then dies as `ending` says; returns where the cluster was. */
async function clusterInDyingProcess(ending: string): Promise<{ dir: string; port: number; signal: string | null }> {
  const modulePath = new URL('../../support/deployment/postgres-cluster.ts', import.meta.url).pathname;
  const script = `
    // A .ts file in a package that is not "type": "module" loads as CommonJS: its exports sit on default.
    const loaded = await import(${JSON.stringify(modulePath)});
    const { startPostgresCluster } = loaded.default ?? loaded;
    const cluster = await startPostgresCluster({ fast: true });
    console.log(JSON.stringify({ dir: cluster.dir, port: cluster.port }));
    ${ending}
    await new Promise((resolve) => setTimeout(resolve, 10_000));`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const signal = await new Promise<string | null>((resolve) => child.on('exit', (_code, exitSignal) => resolve(exitSignal)));
  const started = /^\{.*\}$/m.exec(stdout)?.[0];
  if (!started) throw new Error(`the child process did not start a cluster:\n${stderr}`);
  return { ...(JSON.parse(started) as { dir: string; port: number }), signal };
}

describe.skipIf(unavailable)('a process that dies with a cluster running', () => {
  it('leaves no PostgreSQL and no folder behind, whether it crashes or is sent SIGTERM (as Vitest stops its workers)', async () => {
    const [crashed, terminated] = await Promise.all([
      clusterInDyingProcess(`setTimeout(() => { throw new Error('a crashed test'); });`),
      clusterInDyingProcess(`process.kill(process.pid, 'SIGTERM');`),
    ]);
    expect(terminated.signal).toBe('SIGTERM'); // still ends by the signal, as it would have without the handler
    for (const { dir, port } of [crashed, terminated]) {
      expect(await portClosed(port)).toBe(true);
      expect(existsSync(dir)).toBe(false);
    }
  }, 15_000);
});
