import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../support/deployment/ports';

export { freePort } from '../../support/deployment/ports';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

export type AppServer = {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the server printed so far, stdout and stderr interleaved. */
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then waits for the exit. */
  stop: () => Promise<void>;
  /** SIGKILL: no shutdown handler runs. */
  kill: () => Promise<void>;
};

/**
 * The production server as `npm start` runs it (one process), on a port and with settings of
 * the test's own, against the build the browser tests' web server made (.next).
 */
export function spawnAppServer(env: Record<string, string>, port: number): AppServer {
  const child = spawn(process.execPath, ['lib/server/start-server.mjs'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), NEXT_TELEMETRY_DISABLED: '1', SUBSCRIBE_RATE_LIMIT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const running = () => child.exitCode === null && child.signalCode === null;
  const end = async (signal: NodeJS.Signals) => {
    if (running()) child.kill(signal);
    await exited;
  };
  return { url: `http://127.0.0.1:${port}`, port, child, output: () => output, exited, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}

export async function startAppServer(env: Record<string, string>, port?: number): Promise<AppServer> {
  const server = spawnAppServer(env, port ?? (await freePort()));
  await waitForOutput(server, 'Ready on', 60_000);
  return server;
}

export async function waitForOutput(server: AppServer, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!server.output().includes(text)) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) throw new Error(`The server exited before printing "${text}":\n${server.output()}`);
    if (Date.now() > deadline) throw new Error(`The server did not print "${text}" within ${timeoutMs} ms:\n${server.output()}`);
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
