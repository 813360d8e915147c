import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../support/deployment/ports';

export type RunningServer = { origin: string; stop: () => Promise<void> };

/**
 * Starts the production server as one process (`node .../next start`, not `npx next start`,
 * which leaves an orphaned child when killed) on a free port and waits until it answers.
 */
export async function startNextServer(projectDir: string, timeoutMs = 30_000): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(projectDir, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: projectDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = () => stopProcess(child);
  // A crash or Ctrl-C in the benchmark must not leave the server running.
  const onExit = () => child.kill('SIGKILL');
  process.once('exit', onExit);
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(origin, child, timeoutMs);
  } catch (error) {
    await stop();
    throw new Error(`next start did not come up on port ${port}: ${error instanceof Error ? error.message : String(error)}\n${output.trim()}`);
  }
  return {
    origin,
    stop: async () => {
      process.off('exit', onExit);
      await stop();
    },
  };
}

async function waitUntilAnswering(origin: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      await fetch(`${origin}/`, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`no answer within ${timeoutMs} ms`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

