import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './support/test';
import { listenForNotifications } from '../support/notify-socket';
import { startAppServer } from './support/app-server';

/**
 * `npm start` under systemd (crisis-briefings@.service: Type=notify, WatchdogSec=): the server
 * tells the service manager it is ready, keeps telling it it is alive, and says when it stops.
 * A stand-in socket plays systemd. Its own server, port and database.
 */
test('the server says WATCHDOG=1 while it runs, READY=1 once it listens, and STOPPING=1 on SIGTERM', async () => {
  test.setTimeout(90_000);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'service-manager-'));
  const systemd = listenForNotifications(path.join(dir, 'notify'));
  try {
    const server = await startAppServer({
      DATABASE_URL: path.join(dir, 'subscribers.db'),
      MAIL_DIR: path.join(dir, 'mail'),
      NOTIFY_SOCKET: systemd.path,
      WATCHDOG_USEC: '1000000',
    });
    try {
      await expect.poll(() => systemd.messages.includes('READY=1'), { timeout: 5_000 }).toBe(true);
      const pingsAtReady = systemd.messages.filter((message) => message === 'WATCHDOG=1').length;
      await expect.poll(() => systemd.messages.filter((message) => message === 'WATCHDOG=1').length, { timeout: 15_000 }).toBeGreaterThan(pingsAtReady);
    } finally {
      await server.stop();
    }
    expect(systemd.messages.at(-1)).toBe('STOPPING=1');
  } finally {
    systemd.close();
    await rm(dir, { recursive: true, force: true });
  }
});
