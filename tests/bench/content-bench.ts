import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { median } from './stats';

const run = promisify(execFile);
const LOAD_ONCE = path.join(import.meta.dirname, 'load-once.ts');

export type ContentTiming = { files: number; coldMs: number; warmMs: number };

/**
 * Times `loadContent(dir)` for each folder in `processes` fresh Node processes: cold is the median
 * first load (modules and JIT not yet warm, as in a build), warm the median of `warmRuns` later
 * loads. The folders take turns, one process at a time, so a busy moment on a 2-core machine
 * slows the baseline and the tree compared with it alike.
 */
export async function timeContentLoads(contentDirs: readonly string[], processes: number, warmRuns: number): Promise<ContentTiming[]> {
  const samples = contentDirs.map(() => ({ cold: [] as number[], warm: [] as number[], files: 0 }));
  for (let round = 0; round < processes; round += 1) {
    for (const [index, contentDir] of contentDirs.entries()) {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', LOAD_ONCE, contentDir, String(warmRuns)]);
      const result = parseResult(stdout);
      const sample = samples[index];
      if (!sample) continue;
      sample.cold.push(result.firstMs);
      sample.warm.push(...result.warmMs);
      sample.files = result.files;
    }
  }
  return samples.map((sample) => ({ files: sample.files, coldMs: median(sample.cold), warmMs: median(sample.warm) }));
}

function parseResult(stdout: string): { firstMs: number; warmMs: number[]; files: number } {
  const parsed: unknown = JSON.parse(stdout.trim().split('\n').at(-1) ?? '');
  if (
    typeof parsed === 'object' && parsed !== null &&
    'firstMs' in parsed && typeof parsed.firstMs === 'number' &&
    'warmMs' in parsed && Array.isArray(parsed.warmMs) &&
    'files' in parsed && typeof parsed.files === 'number'
  ) {
    return { firstMs: parsed.firstMs, warmMs: parsed.warmMs.filter((value): value is number => typeof value === 'number'), files: parsed.files };
  }
  throw new Error(`load-once.ts printed something unexpected: ${stdout.slice(0, 200)}`);
}
