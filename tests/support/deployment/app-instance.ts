import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { listenForNotifications, type NotifySocket } from '../notify-socket';
import path from 'node:path';

/** The repository: instances run `node lib/server/start-server.mjs` here, as `npm start` does. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export interface AppInstance {
  readonly port: number;
  readonly url: string;
  /** The current process's id, or undefined while stopped. */
  readonly pid: number | undefined;
  readonly running: boolean;
  /** Starts it (again) on its port and resolves once /api/health/ready answers 200. */
  start(): Promise<void>;
  /** SIGTERM (default): drains and exits, SIGKILL after the shutdown timeout; SIGKILL: at once, no shutdown handler. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Synchronous, for a process that is ending. */
  stopNow(): void;
  /** How many times the watchdog killed and restarted it. */
  readonly watchdogRestarts: number;
  /** Stops watching it (the watchdog's socket and timer); after stop(), once it is done with. */
  close(): void;
}

export class AppInstanceError extends Error {
  override name = 'AppInstanceError';
}

export interface AppInstanceOptions {
  port: number;
  /** The whole environment of the process. */
  env: NodeJS.ProcessEnv;
  /** Standard output and error are appended here, across restarts. */
  logFile: string;
  startTimeoutMs?: number;
  /** How long SIGTERM gets before SIGKILL: above the app's SHUTDOWN_TIMEOUT_MS. */
  stopTimeoutMs?: number;
  /**
   * systemd's watchdog, as crisis-briefings@.service sets it (WatchdogSec=): the instance is told
   * the period and a socket (NOTIFY_SOCKET, WATCHDOG_USEC), and one that sends no WATCHDOG=1 for
   * that long is killed and started again. systemd sends SIGABRT first (a core dump to read),
   * then SIGKILL; a stopped process only takes the second, so this sends it at once.
   */
  watchdog?: { socketPath: string; periodMs: number };
}

async function isReady(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/health/ready`, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

export function createAppInstance(options: AppInstanceOptions): AppInstance {
  const url = `http://127.0.0.1:${options.port}`;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const isRunning = (server: ChildProcess | undefined): server is ChildProcess => Boolean(server && server.exitCode === null && server.signalCode === null);

  async function start(): Promise<void> {
    if (isRunning(child)) return;
    const log = createWriteStream(options.logFile, { flags: 'a' });
    let recent = '';
    const watchdogEnv = options.watchdog ? { NOTIFY_SOCKET: options.watchdog.socketPath, WATCHDOG_USEC: String(options.watchdog.periodMs * 1000) } : {};
    const server = spawn(process.execPath, ['lib/server/start-server.mjs'], {
      cwd: REPO_ROOT,
      env: { ...options.env, ...watchdogEnv },
      // Its own process group: Ctrl-C in a terminal reaches the command, which stops instances in order.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      log.write(chunk);
      recent = (recent + chunk.toString()).slice(-4_000);
    };
    server.stdout?.on('data', keep);
    server.stderr?.on('data', keep);
    exited = new Promise((resolve) => server.once('close', () => log.end(() => resolve())));
    child = server;
    const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
    while (!(recent.includes('Ready on') && (await isReady(url)))) {
      if (!isRunning(server)) throw new AppInstanceError(`the app instance on port ${options.port} exited while starting (log: ${options.logFile}):\n${recent.trim()}`);
      if (Date.now() > deadline) {
        server.kill('SIGKILL');
        throw new AppInstanceError(`the app instance on port ${options.port} was not ready in time (log: ${options.logFile}):\n${recent.trim()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const server = child;
    if (!isRunning(server)) return exited;
    server.kill(signal);
    const timer = setTimeout(() => isRunning(server) && server.kill('SIGKILL'), options.stopTimeoutMs ?? 15_000);
    await exited;
    clearTimeout(timer);
  }

  let watchdogRestarts = 0;
  /** Armed by the process's first ping, as each start makes a new process; undefined: not watched. */
  let lastPing: number | undefined;
  let notifications: NotifySocket | undefined;
  let watcher: NodeJS.Timeout | undefined;
  let restarting = false;
  if (options.watchdog) {
    const { periodMs } = options.watchdog;
    notifications = listenForNotifications(options.watchdog.socketPath, (message) => {
      if (message === 'WATCHDOG=1' || message === 'READY=1') lastPing = Date.now();
    });
    watcher = setInterval(() => {
      if (restarting || lastPing === undefined || !isRunning(child) || Date.now() - lastPing <= periodMs) return;
      restarting = true;
      watchdogRestarts += 1;
      console.warn(`app instance on port ${options.port}: no watchdog ping for ${periodMs} ms; killing and restarting it`);
      void stop('SIGKILL')
        .then(() => ((lastPing = undefined), start()))
        .catch((error: unknown) => console.error(`app instance on port ${options.port} did not restart: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => (restarting = false));
    }, Math.min(250, periodMs / 4));
    watcher.unref();
  }
  const unwatch = () => {
    clearInterval(watcher);
    notifications?.close();
    notifications = undefined;
  };

  return {
    port: options.port,
    url,
    get pid() {
      return isRunning(child) ? child.pid : undefined;
    },
    get running() {
      return isRunning(child);
    },
    get watchdogRestarts() {
      return watchdogRestarts;
    },
    start,
    stop: async (signal) => {
      // Stopped on purpose: not the watchdog's to bring back.
      lastPing = undefined;
      await stop(signal);
    },
    stopNow: () => {
      unwatch();
      if (isRunning(child)) child.kill('SIGTERM');
    },
    close: unwatch,
  };
}
