import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../support/deployment/ports';

export { freePort } from '../../support/deployment/ports';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

/** A process a test started, with what it printed and a way to end it. */
export type WatchedProcess = {
  child: ChildProcess;
  /** Everything the process printed so far, stdout and stderr interleaved. */
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then waits for the exit. */
  stop: () => Promise<void>;
  /** SIGKILL: no shutdown handler runs. */
  kill: () => Promise<void>;
};

export type AppServer = WatchedProcess & { url: string; port: number };

/**
 * Starts `command` with its output kept. With `group`, it leads a process group of its own and
 * stop() and kill() signal the whole group, as Ctrl-C in a terminal does: `npm run` alone does not
 * pass a SIGTERM on to its script (its shell dies and the script runs on, orphaned). `exited`
 * waits for every process that holds the output, so a script that outlives npm is waited for.
 */
export function spawnWatched(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; group?: boolean }): WatchedProcess {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: options.group ?? false });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  let closed = false;
  void exited.then(() => (closed = true));
  const end = async (signal: NodeJS.Signals) => {
    if (!closed) {
      try {
        if (options.group) process.kill(-child.pid!, signal);
        else child.kill(signal);
      } catch {
        // Gone between the check and the signal.
      }
    }
    await exited;
  };
  return { child, output: () => output, exited, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}

/**
 * The production server as `npm start` runs it (one process), on a port and with settings of
 * the test's own, against the build the browser tests' web server made (.next).
 */
export function spawnAppServer(env: Record<string, string>, port: number): AppServer {
  const server = spawnWatched(process.execPath, ['lib/server/start-server.mjs'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), NEXT_TELEMETRY_DISABLED: '1', SUBSCRIBE_RATE_LIMIT: '0', ...env },
  });
  return { ...server, url: `http://127.0.0.1:${port}`, port };
}

export async function startAppServer(env: Record<string, string>, port?: number): Promise<AppServer> {
  const server = spawnAppServer(env, port ?? (await freePort()));
  await waitForOutput(server, 'Ready on', 60_000);
  return server;
}

export async function waitForOutput(server: WatchedProcess, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!server.output().includes(text)) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) throw new Error(`The process exited before printing "${text}":\n${server.output()}`);
    if (Date.now() > deadline) throw new Error(`The process did not print "${text}" within ${timeoutMs} ms:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}


/** Polls `check` until it returns true (or throws with what it last saw). */
export async function eventually(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`Not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
