import type { UnixDgramSocket } from 'unix-dgram';

/**
 * The server's side of systemd's sd_notify protocol (Type=notify, WatchdogSec= in
 * crisis-briefings@.service): READY=1 once it listens, WATCHDOG=1 while its event loop turns,
 * STOPPING=1 on SIGTERM. An instance that stops turning (SIGSTOP, a loop that never yields) sends
 * no more WATCHDOG=1, and systemd kills and restarts it within WatchdogSec.
 *
 * A notification is one datagram to the AF_UNIX socket named by $NOTIFY_SOCKET, which Node cannot
 * send by itself: unix-dgram (an optional dependency, a small native module by a Node core
 * author, widely used) sends it from the server's own process. Running `systemd-notify` instead
 * would send from a short-lived child that systemd must be told to trust (NotifyAccess=all) and,
 * before systemd 254, may not attribute to the unit once it has exited, dropping the ping.
 */
export interface ServiceManager {
  ready(): void;
  stopping(): void;
}

/** What systemd sets for a Type=notify service with a watchdog. */
type NotifyEnvironment = { NOTIFY_SOCKET?: string; WATCHDOG_USEC?: string; WATCHDOG_PID?: string };

const NONE: ServiceManager = { ready: () => undefined, stopping: () => undefined };

export class ServiceManagerError extends Error {
  override name = 'ServiceManagerError';
}

/** The watchdog's period from systemd's variables, or undefined when it is off or meant for another process. */
export function watchdogMs(env: NotifyEnvironment, pid = process.pid): number | undefined {
  const usec = Number(env.WATCHDOG_USEC);
  if (!Number.isInteger(usec) || usec <= 0) return undefined;
  if (env.WATCHDOG_PID && Number(env.WATCHDOG_PID) !== pid) return undefined;
  return usec / 1000;
}

/**
 * Talks to the service manager named by $NOTIFY_SOCKET; without it (npm start by hand, tests), a
 * notifier that does nothing. Pings the watchdog at half its period, as systemd advises, from
 * the moment it is connected.
 */
export async function connectServiceManager(env: NotifyEnvironment = process.env as NotifyEnvironment, log: (message: string) => void = console.warn): Promise<ServiceManager> {
  const path = env.NOTIFY_SOCKET?.trim();
  if (!path) return NONE;
  if (!path.startsWith('/')) {
    log(`NOTIFY_SOCKET ${JSON.stringify(path)} is not a file path (abstract sockets are not supported): no readiness or watchdog notifications`);
    return NONE;
  }
  let socket: UnixDgramSocket;
  try {
    const { createSocket } = await import('unix-dgram');
    socket = createSocket('unix_dgram');
  } catch (error) {
    throw new ServiceManagerError(`NOTIFY_SOCKET is set but unix-dgram could not be loaded (npm ci installs it on Linux): ${error instanceof Error ? error.message : String(error)}`);
  }
  let failed = false;
  socket.on('error', () => undefined);
  const notify = (state: string) => {
    const message = Buffer.from(state);
    socket.send(message, 0, message.length, path, (error) => {
      // Said once: a service manager that went away is not worth a line every few seconds.
      if (error && !failed) log(`could not notify the service manager (${state}): ${error.message}`);
      failed ||= Boolean(error);
    });
  };
  const period = watchdogMs(env);
  // From now on, not from READY=1: systemd counts the watchdog from the start, and Next takes a
  // few seconds to prepare.
  const pinger = period === undefined ? undefined : setInterval(() => notify('WATCHDOG=1'), Math.max(50, period / 2)).unref();
  return {
    ready() {
      notify('READY=1');
    },
    stopping() {
      clearInterval(pinger);
      notify('STOPPING=1');
    },
  };
}
