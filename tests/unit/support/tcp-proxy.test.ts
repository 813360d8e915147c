import net, { type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { postgresUnavailableReason, startPostgresCluster, type PostgresCluster } from '@/tests/support/deployment/postgres-cluster';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy';

/** A client socket that records what it receives and whether it has closed. */
interface Peer {
  socket: Socket;
  received: () => string;
  closed: () => boolean;
}

function connect(port: number): Promise<Peer> {
  return new Promise((resolve, reject) => {
    let received = '';
    let closed = false;
    const socket = net.connect(port, '127.0.0.1');
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    socket.on('close', () => (closed = true));
    socket.on('error', () => {});
    socket.once('connect', () => resolve({ socket, received: () => received, closed: () => closed }));
    socket.once('error', reject);
  });
}

/** Waits until `check` holds, up to `ms`; returns whether it did. */
async function within(ms: number, check: () => boolean): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await sleep(10);
  }
  return check();
}

describe('a TCP proxy in front of an echo server', () => {
  let echo: net.Server;
  let echoConnections = 0;
  let proxy: TcpProxy;
  const peers: Peer[] = [];
  const open = async () => {
    const peer = await connect(proxy.port);
    peers.push(peer);
    return peer;
  };

  beforeAll(async () => {
    echo = net.createServer((socket) => {
      echoConnections += 1;
      socket.on('error', () => {});
      socket.pipe(socket);
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  });
  beforeEach(async () => {
    proxy = await startTcpProxy((echo.address() as net.AddressInfo).port);
  });
  afterEach(async () => {
    peers.splice(0).forEach((peer) => peer.socket.destroy());
    await proxy.close();
  });
  afterAll(() => new Promise<void>((resolve) => echo.close(() => resolve())));

  it('passes bytes both ways', async () => {
    const peer = await open();
    peer.socket.write('hello');
    expect(await within(1000, () => peer.received() === 'hello')).toBe(true);
    expect(proxy.mode).toBe('pass');
    expect(proxy.connections()).toBe(1);
  });

  it('hang: holds bytes but keeps the connection open; back in pass, what was held arrives in order', async () => {
    const peer = await open();
    peer.socket.write('one;');
    expect(await within(1000, () => peer.received() === 'one;')).toBe(true);
    proxy.setMode('hang');
    peer.socket.write('two;');
    expect(await within(300, () => peer.received() !== 'one;')).toBe(false);
    expect(peer.closed()).toBe(false);
    expect(proxy.connections()).toBe(1);
    proxy.setMode('pass');
    peer.socket.write('three;');
    expect(await within(1000, () => peer.received() === 'one;two;three;')).toBe(true);
  });

  it('hang: accepts a new connection but reaches the server only once back in pass', async () => {
    proxy.setMode('hang');
    const before = echoConnections;
    const peer = await open();
    peer.socket.write('early');
    expect(await within(300, () => peer.received() !== '')).toBe(false);
    expect(echoConnections).toBe(before);
    proxy.setMode('pass');
    expect(await within(1000, () => peer.received() === 'early')).toBe(true);
    expect(echoConnections).toBe(before + 1);
  });

  it('refuse: resets open connections and every new one; back in pass, new connections work', async () => {
    const existing = await open();
    proxy.setMode('refuse');
    expect(await within(1000, existing.closed)).toBe(true);
    expect(proxy.connections()).toBe(0);
    // The port stays bound, so the handshake may complete; the connection dies at once, unanswered.
    const refused = net.connect(proxy.port, '127.0.0.1');
    let refusedClosed = false;
    refused.on('error', () => {}).on('close', () => (refusedClosed = true));
    refused.write('anyone?');
    expect(await within(1000, () => refusedClosed)).toBe(true);
    expect(refused.bytesRead).toBe(0);
    proxy.setMode('pass');
    const fresh = await open();
    fresh.socket.write('back');
    expect(await within(1000, () => fresh.received() === 'back')).toBe(true);
  });

  it('close destroys every connection', async () => {
    const peer = await open();
    await proxy.close();
    expect(await within(1000, peer.closed)).toBe(true);
    await proxy.close(); // a second close is harmless (afterEach makes a third)
  });
});

const unavailable = postgresUnavailableReason();
if (unavailable) console.warn(`PostgreSQL through the TCP proxy SKIPPED: ${unavailable}`);

describe.skipIf(unavailable)('PostgreSQL through the TCP proxy', () => {
  let cluster: PostgresCluster;
  let proxy: TcpProxy;
  beforeAll(async () => {
    cluster = await startPostgresCluster({ fast: true });
    proxy = await startTcpProxy(cluster.port);
  });
  afterAll(async () => {
    await proxy?.close();
    await cluster?.destroy();
  });

  it('answers in pass; in hang a query with query_timeout fails with a timeout instead of hanging', async () => {
    const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${proxy.port}/postgres`, query_timeout: 500 });
    client.on('error', () => {});
    await client.connect();
    try {
      expect((await client.query<{ one: number }>('select 1 as one')).rows).toEqual([{ one: 1 }]);
      proxy.setMode('hang');
      const started = Date.now();
      await expect(client.query('select 2')).rejects.toThrow(/timeout/i);
      expect(Date.now() - started).toBeGreaterThanOrEqual(450);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      proxy.setMode('pass');
      await client.end();
    }
    // The server is unharmed: a fresh connection through the proxy works.
    const fresh = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${proxy.port}/postgres` });
    await fresh.connect();
    expect((await fresh.query<{ two: number }>('select 2 as two')).rows).toEqual([{ two: 2 }]);
    await fresh.end();
  });
});
