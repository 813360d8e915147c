import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectServiceManager, watchdogMs, type ServiceManager } from '@/lib/server/service-manager';
import { listenForNotifications, type NotifySocket } from '@/tests/support/notify-socket';

describe('telling systemd the server is ready and alive', () => {
  let dir: string;
  let systemd: NotifySocket;
  let manager: ServiceManager | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'notify-'));
    systemd = listenForNotifications(path.join(dir, 'notify'));
  });
  afterEach(async () => {
    manager?.stopping();
    systemd.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('sends WATCHDOG=1 again and again from the start, READY=1 when told, then STOPPING=1 and no more pings', async () => {
    manager = await connectServiceManager({ NOTIFY_SOCKET: systemd.path, WATCHDOG_USEC: '200000' });
    await expect.poll(() => systemd.messages.filter((message) => message === 'WATCHDOG=1').length, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
    expect(systemd.messages).not.toContain('READY=1');
    manager.ready();
    await expect.poll(() => systemd.messages.includes('READY=1'), { timeout: 5_000 }).toBe(true);
    manager.stopping();
    await expect.poll(() => systemd.messages.at(-1), { timeout: 5_000 }).toBe('STOPPING=1');
  });

  it('sends no pings when the watchdog is off or meant for another process', () => {
    expect(watchdogMs({})).toBeUndefined();
    expect(watchdogMs({ WATCHDOG_USEC: '10000000' }, 42)).toBe(10_000);
    expect(watchdogMs({ WATCHDOG_USEC: '10000000', WATCHDOG_PID: '41' }, 42)).toBeUndefined();
  });

  it('does nothing without NOTIFY_SOCKET, as under npm start by hand', async () => {
    const warnings: string[] = [];
    manager = await connectServiceManager({}, (message) => warnings.push(message));
    manager.ready();
    expect(warnings).toEqual([]);
  });
});
