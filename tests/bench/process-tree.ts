import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/**
 * Memory of a process and every process below it, read from /proc (Linux): a `next build` or
 * `next dev` runs its work in child processes (build workers, the dev server's next-server), so
 * the parent's own RSS says little. RSS is summed over the tree (shared pages counted once per
 * process, so the sum is an upper bound) and the largest single process is kept beside it.
 */
export type TreeMemory = {
  peakTreeKb: number;
  peakLargestKb: number;
  peakProcesses: number;
  /**
   * CPU time (user + system) of every process seen in the tree, each at its last sample: a
   * figure a busy machine disturbs far less than wall time. Short of the truth by what each
   * process spent after its last sample (under 500 ms each), and by processes that lived less
   * than one interval. (A parent's own count of its children's time misses the build workers,
   * which next build leaves to end without waiting for them.)
   */
  cpuMs: number;
};

export const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU seconds a process used, in user space and in the kernel. */
export type CpuSample = { user: number; system: number };

const PAGE_KB = 4;
const SAMPLE_MS = 500;

/**
 * RSS in kB of `root` and its descendants now, and the CPU each has used (clock ticks: user,
 * system, and both); an empty list when /proc cannot be read (not Linux).
 */
export function treeRss(root: number): { pid: number; rssKb: number; cpuTicks: number; userTicks: number; systemTicks: number }[] {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  const children = new Map<number, number[]>();
  const ticks = new Map<number, { user: number; system: number }>();
  for (const name of pids) {
    const stat = readProc(`/proc/${name}/stat`);
    // pid (comm) state ppid ... utime stime: comm may hold spaces and parentheses, so read after the last ')'.
    const fields = stat ? stat.slice(stat.lastIndexOf(')') + 2).split(' ') : [];
    const ppid = Number(fields[1]);
    if (!Number.isInteger(ppid)) continue;
    ticks.set(Number(name), { user: Number(fields[11]), system: Number(fields[12]) });
    const list = children.get(ppid) ?? [];
    list.push(Number(name));
    children.set(ppid, list);
  }
  const result: ReturnType<typeof treeRss> = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    const statm = readProc(`/proc/${pid}/statm`);
    const { user, system } = ticks.get(pid) ?? { user: 0, system: 0 };
    if (statm) result.push({ pid, rssKb: Number(statm.split(' ')[1]) * PAGE_KB, cpuTicks: user + system, userTicks: user, systemTicks: system });
    queue.push(...(children.get(pid) ?? []));
  }
  return result;
}

function readProc(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined; // the process ended between listing and reading
  }
}

/** Samples the tree under `root` every 500 ms until stopped; returns the peaks seen. */
export function sampleTreeMemory(root: number): { stop: () => TreeMemory; now: () => number } {
  const peak: TreeMemory = { peakTreeKb: 0, peakLargestKb: 0, peakProcesses: 0, cpuMs: 0 };
  const cpuTicks = new Map<number, number>();
  const sample = () => {
    const tree = treeRss(root);
    for (const process of tree) cpuTicks.set(process.pid, Math.max(cpuTicks.get(process.pid) ?? 0, process.cpuTicks));
    peak.cpuMs = ([...cpuTicks.values()].reduce((sum, value) => sum + value, 0) * 1000) / TICKS_PER_SECOND;
    const total = tree.reduce((sum, process) => sum + process.rssKb, 0);
    peak.peakTreeKb = Math.max(peak.peakTreeKb, total);
    peak.peakLargestKb = Math.max(peak.peakLargestKb, ...tree.map((process) => process.rssKb));
    peak.peakProcesses = Math.max(peak.peakProcesses, tree.length);
    return total;
  };
  sample();
  const timer = setInterval(sample, SAMPLE_MS);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
    now: sample,
  };
}

export type MeasuredRun = TreeMemory & { ms: number; code: number | null; output: string };

/**
 * Runs a command to its end as the leader of its own process group (so it and its children can be
 * stopped by the group's id if the benchmark is interrupted), timing it and sampling its memory.
 */
export async function runMeasured(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<MeasuredRun> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const stopOnExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', stopOnExit);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const memory = sampleTreeMemory(child.pid!);
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (exitCode) => resolve(exitCode));
    });
    return { ...memory.stop(), ms: performance.now() - started, code, output };
  } finally {
    memory.stop();
    process.off('exit', stopOnExit);
    // A build leaves no process behind; if it did (a worker), it goes with the group.
    killGroup(child, 'SIGKILL');
  }
}

/** Signals the process group `child` leads (it was spawned detached); never anything else. */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is already gone
  }
}

export function mb(kb: number): string {
  return `${(kb / 1024).toFixed(0)} MB`;
}
