import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isExecutable } from './executable';

/** Where Debian's package puts it, in case /usr/sbin is not on PATH (it is not for every user). */
const KNOWN_PLACES = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx'];


export function findNginx(): string | undefined {
  const onPath = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, 'nginx'));
  return [...onPath, ...KNOWN_PLACES].find(isExecutable);
}

/**
 * Debian's libnginx-mod-http-brotli-static (`brotli_static`, which the shipped configuration
 * uses), by absolute path: Debian's own modules-enabled line names it relative to nginx's
 * prefix, which a process of its own (`-p`) moves.
 */
export const BROTLI_STATIC_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

/** One line saying why nginx cannot be run here, or undefined when it can. */
export function nginxUnavailableReason(): string | undefined {
  if (!findNginx()) return `nginx was not found on PATH or in ${KNOWN_PLACES.join(', ')} (Debian: apt-get install nginx)`;
  if (!existsSync(BROTLI_STATIC_MODULE)) return `nginx's brotli_static module is not at ${BROTLI_STATIC_MODULE} (Debian: apt-get install libnginx-mod-http-brotli-static)`;
  return undefined;
}

export class NginxError extends Error {
  override name = 'NginxError';
}

function nginxOrThrow(): string {
  const nginx = findNginx();
  if (!nginx) throw new NginxError(nginxUnavailableReason());
  return nginx;
}

/** `-p` keeps relative paths under the prefix; `-e` sends start-up errors there instead of the system's log. */
const nginxArgs = (configFile: string, prefix: string) => ['-c', path.resolve(configFile), '-p', `${path.resolve(prefix)}/`, '-e', path.join(path.resolve(prefix), 'logs', 'error.log')];

/** `nginx -t` on a configuration: resolves with how long it took, rejects with nginx's own words. */
export function testNginxConfig(configFile: string, prefix: string): Promise<{ ms: number; output: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(nginxOrThrow(), ['-t', ...nginxArgs(configFile, prefix)], (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`.trim();
      if (error) reject(new NginxError(`nginx -t failed for ${configFile}:\n${output}`));
      else resolve({ ms: performance.now() - started, output });
    });
  });
}

export interface NginxProcess {
  readonly pid: number;
  readonly exited: Promise<void>;
  /** Graceful (SIGQUIT: answers the requests under way), fast (SIGTERM) after `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
  /** Synchronous, for a process that is ending: fast shutdown (never SIGKILL, which would orphan the workers). */
  stopNow(): void;
}

/**
 * nginx as a process of this one (`daemon off`), never the system's service. Resolves once the
 * master has started (it checks the configuration and binds its ports first, or exits).
 */
export async function startNginx(configFile: string, prefix: string): Promise<NginxProcess> {
  const child = spawn(nginxOrThrow(), [...nginxArgs(configFile, prefix), '-g', 'daemon off;'], {
    // Its own process group: Ctrl-C in a terminal reaches the command, which stops nginx in order.
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  const pidFile = path.join(path.resolve(prefix), 'nginx.pid');
  // The pid file is written once the configuration is read and the ports are bound.
  const deadline = Date.now() + 10_000;
  while (running() && !(await readFile(pidFile, 'utf8').catch(() => '')).trim()) {
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (!running() || child.pid === undefined) {
    const log = await readFile(path.join(path.resolve(prefix), 'logs', 'error.log'), 'utf8').catch(() => '');
    throw new NginxError(`nginx did not start:\n${(stderr || log).trim().split('\n').slice(-10).join('\n')}`);
  }
  const pid = child.pid;
  const signal = (name: NodeJS.Signals) => {
    if (running()) child.kill(name);
  };
  return {
    pid,
    exited,
    async stop(timeoutMs = 10_000) {
      signal('SIGQUIT');
      const timer = setTimeout(() => signal('SIGTERM'), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
    stopNow: () => signal('SIGTERM'),
  };
}
