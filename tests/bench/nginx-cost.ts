import { spawn, spawnSync } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import { connect } from 'node:net';
import path from 'node:path';
import { findNginx } from '../support/deployment/nginx-process';
import { freePort } from '../support/deployment/ports';
import { TICKS_PER_SECOND, treeRss, type CpuSample } from './process-tree';

/** Where each nginx's time goes per request: CPU seconds from /proc, instructions from callgrind. */

/**
 * CPU an nginx (its master and workers) used while `work` ran, in seconds. A process started
 * during the run (a reload) is not counted; none starts in a bench run.
 */
export async function nginxCpu<T>(masterPid: number, work: () => Promise<T>): Promise<{ result: T; cpu: CpuSample }> {
  const before = new Map(treeRss(masterPid).map((process) => [process.pid, process]));
  const result = await work();
  const cpu = { user: 0, system: 0 };
  for (const process of treeRss(masterPid)) {
    const earlier = before.get(process.pid);
    if (!earlier) continue;
    cpu.user += (process.userTicks - earlier.userTicks) / TICKS_PER_SECOND;
    cpu.system += (process.systemTicks - earlier.systemTicks) / TICKS_PER_SECOND;
  }
  return { result, cpu };
}

export const valgrindUnavailableReason = (): string | undefined => (spawnSync('valgrind', ['--version']).error ? 'valgrind is not installed (Debian: apt-get install valgrind)' : undefined);

/** `count` GETs of `url`, one after another on one kept-alive connection. */
async function sequentialGets(url: string, count: number, headers: Record<string, string>): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    for (let index = 0; index < count; index += 1) {
      await new Promise<void>((resolve, reject) => {
        const request = http.get(url, { agent, headers }, (response) => {
          response.resume();
          response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`${url} answered ${response.statusCode}`))));
        });
        request.on('error', reject);
      });
    }
  } finally {
    agent.destroy();
  }
}

/**
 * Instructions nginx itself executes (user space; the kernel's work is not counted) to answer one
 * GET of `route`, counted by callgrind: the same for every run of the same binary, configuration
 * and request, whatever else the machine does, so two configurations compare exactly where req/s
 * on these shared cores cannot. One process (`master_process off`) runs the configuration on a
 * port of its own, twice: with `requests` and with 2 × `requests` requests after the same
 * warm-up; the difference, divided by `requests`, leaves out start-up and shutdown.
 * `withPort(port)` writes the configuration listening there and returns nginx's arguments.
 */
export async function nginxInstructionsPerRequest(
  withPort: (port: number) => Promise<{ configFile: string; prefix: string }>,
  route: string,
  headers: Record<string, string>,
  requests = 1_000,
): Promise<number> {
  const port = await freePort();
  const { configFile, prefix } = await withPort(port);
  const url = `http://127.0.0.1:${port}${route}`;
  const totals: number[] = [];
  for (const count of [requests, 2 * requests]) {
    const out = path.join(prefix, `callgrind.${count}.out`);
    const child = spawn(
      'valgrind',
      ['--tool=callgrind', `--callgrind-out-file=${out}`, findNginx()!, '-c', configFile, '-p', `${prefix}/`, '-e', path.join(prefix, 'logs', 'error.log'), '-g', 'daemon off; master_process off;'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      // Valgrind starts nginx slowly (tens of seconds on a loaded machine): the warm-up waits for it.
      const deadline = Date.now() + 120_000;
      for (;;) {
        try {
          await sequentialGets(url, 1, headers);
          break;
        } catch (error) {
          if (Date.now() > deadline || child.exitCode !== null) throw new Error(`nginx under callgrind did not answer ${url}: ${String(error)}\n${stderr.slice(-2_000)}`);
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }
      await sequentialGets(url, count, headers);
    } finally {
      // callgrind writes its counts as nginx exits. Under valgrind, nginx blocked in epoll_wait
      // with no timer pending (no access log to flush) did not see the signal until something
      // woke it, minutes later: a connection to its port wakes it now.
      child.kill('SIGTERM');
      let killed = false;
      const killer = setTimeout(() => ((killed = true), child.kill('SIGKILL')), 30_000);
      const waker = setInterval(() => connect(port, '127.0.0.1').on('error', () => undefined).end(), 200);
      await exited;
      clearInterval(waker);
      clearTimeout(killer);
      if (killed) throw new Error(`nginx under callgrind did not exit within 30 s of SIGTERM: no counts (${configFile})`);
    }
    const summary = /^summary: (\d+)$/m.exec(await readFile(out, 'utf8'));
    if (!summary) throw new Error(`no summary in callgrind's output ${out}`);
    totals.push(Number(summary[1]));
    await rm(out, { force: true });
  }
  return (totals[1]! - totals[0]!) / requests;
}
