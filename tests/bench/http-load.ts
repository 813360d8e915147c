import { execFile, spawnSync } from 'node:child_process';
import autocannon from 'autocannon';
import { TICKS_PER_SECOND, type CpuSample } from './process-tree';

/**
 * `bytesPerResponse`: everything read (status line, headers, body as sent) over the requests
 * answered. `requests`: how many were answered. `toolCpu`: the CPU the load generator itself used
 * (wrk only: autocannon runs in this process).
 */
export type Load = { requestsPerSecond: number; p99: number; errors: number; bytesPerResponse: number; requests: number; toolCpu?: CpuSample };

/**
 * GET load on one URL from a second process: wrk (Debian's package) when it is installed, since
 * it saturates nginx where autocannon, a single Node thread, tops out first; autocannon otherwise.
 */
export const loadTool = spawnSync('wrk', ['--version']).error ? 'autocannon' : 'wrk';

const UNITS = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 } as const;

export async function load(url: string, connections: number, seconds: number, headers: Record<string, string> = {}): Promise<Load> {
  if (loadTool === 'autocannon') {
    const result = await autocannon({ url, connections, duration: seconds, headers });
    return {
      requestsPerSecond: result.requests.average,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts + result.non2xx,
      bytesPerResponse: result.throughput.total / Math.max(1, result.requests.total),
      requests: result.requests.total,
    };
  }
  const headerArgs = Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
  const { stdout: output, cpu: toolCpu } = await runWithChildCpu('wrk', ['-t2', `-c${connections}`, `-d${seconds}s`, '--latency', ...headerArgs, url]);
  const read = /(\d+) requests in [\d.]+\w+, ([\d.]+)(B|KB|MB|GB|TB) read/.exec(output);
  const rate = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1]);
  const p99 = /\s99%\s+([\d.]+)(us|ms|s)/.exec(output);
  const scale = { us: 0.001, ms: 1, s: 1000 } as const;
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output)?.slice(1).reduce((sum, value) => sum + Number(value), 0) ?? 0;
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0);
  if (!Number.isFinite(rate) || !p99) throw new Error(`could not read wrk's output:\n${output}`);
  const bytesPerResponse = read ? (Number(read[2]) * UNITS[read[3] as keyof typeof UNITS]) / Math.max(1, Number(read[1])) : Number.NaN;
  return { requestsPerSecond: rate, p99: Number(p99[1]) * scale[p99[2] as keyof typeof scale], errors: socketErrors + non2xx, bytesPerResponse, requests: read ? Number(read[1]) : Number.NaN, toolCpu };
}

/** The load tool's own CPU: wrk run through a shell that reports its children's times (cutime, cstime) when wrk ends. */
function runWithChildCpu(command: string, args: string[]): Promise<{ stdout: string; cpu: CpuSample }> {
  return new Promise((resolve, reject) => {
    execFile('/bin/sh', ['-c', 'status=0; "$@" || status=$?; cat /proc/$$/stat >&2; exit $status', 'sh', command, ...args], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return reject(error);
      const fields = stderr.slice(stderr.lastIndexOf(')') + 2).trim().split(' ');
      resolve({ stdout, cpu: { user: Number(fields[13]) / TICKS_PER_SECOND, system: Number(fields[14]) / TICKS_PER_SECOND } });
    });
  });
}
