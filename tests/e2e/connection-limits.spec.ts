import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './support/test';
import { trickle } from '../support/trickling-clients';
import { startAppServer, type AppServer } from './support/app-server';
import { send } from './support/http';

/**
 * Bare `npm start`, facing clients itself (no TRUST_PROXY): one client trickling request headers
 * on many connections cannot take the server's sockets. Its own server, port and database.
 */
const LIMIT = 20;

test.describe('bare npm start and a client that holds connections', () => {
  let dir: string;
  let server: AppServer;

  test.beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'connection-limits-'));
    server = await startAppServer({ DATABASE_URL: path.join(dir, 'subscribers.db'), MAIL_DIR: path.join(dir, 'mail'), CLIENT_CONNECTION_LIMIT: String(LIMIT) });
  });

  test.afterAll(async () => {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  test('connections beyond the limit from one address are closed at once, and another address is served', async () => {
    const port = Number(new URL(server.url).port);
    const flood = trickle('127.0.0.1', port, { count: LIMIT + 30, from: '127.0.0.7' });
    try {
      // Closed without a byte of answer: refused for being over the limit, not timed out (that answers 400/408).
      await expect.poll(() => flood.closedUnanswered, { timeout: 15_000, message: 'connections closed at once, unanswered' }).toBe(30);
      expect(flood.open + flood.closedAnswered).toBe(LIMIT);
      const reader = await send(`${server.url}/mali`, { timeoutMs: 10_000 });
      expect(reader.status).toBe(200);
    } finally {
      flood.stop();
    }
  });
});
