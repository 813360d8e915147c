import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Result } from 'lighthouse';
import { CHROMIUM_ARGS } from '../e2e/sites';
import { startAppServer, type AppServer } from '../e2e/support/app-server';
import { formatTable } from './format-table';
import { median } from './stats';

/** The pages issue 18 names, in both editions: home, the month across countries, a country, an entry, a search. */
const PAGES = [
  '/',
  '/crisiswatch',
  '/mali',
  '/mali/crisiswatch/2023-02',
  '/search?q=army',
  '/fr',
  '/fr/crisiswatch',
  '/fr/mali',
  '/fr/mali/crisiswatch/2023-02',
  `/fr/search?q=${encodeURIComponent('armée')}`,
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** Lighthouse's scores move by several points between identical runs on a shared machine: each figure is a median. */
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS || 3);

type Build = { name: string; distDir: string };
type Run = { scores: Record<(typeof CATEGORIES)[number], number | undefined>; lcpMs: number; tbtMs: number; lost: string[] };

/**
 * `npm run bench -- lighthouse`: Lighthouse 12 (mobile, its default: a slow 4G and a 4× slower
 * CPU, simulated from a trace of the real load) on the production build served by the production
 * server (`npm start`), in Debian's Chromium. Each page RUNS times; the figures are medians.
 *
 * The baseline, in the same run: with BENCH_LIGHTHOUSE_BASELINE=<dist folder> (a build of an
 * earlier commit in this project, e.g. `git worktree` of main built with NEXT_DIST_DIR), the same
 * pages of that build, alternating with this one's run for run, so both see the same machine.
 * Without it, the baseline row is the site's plainest page, /about (text only): what any page of
 * this framework costs.
 */
export async function lighthouseBench(projectDir: string, distDir: string): Promise<void> {
  if (!existsSync(path.join(projectDir, distDir, 'BUILD_ID'))) {
    console.log(`Lighthouse: skipped, no production build in ${distDir}/. Run \`npm run build\` first.`);
    return;
  }
  const baselineDist = process.env.BENCH_LIGHTHOUSE_BASELINE;
  const builds: Build[] = [{ name: 'this build', distDir }];
  if (baselineDist) builds.push({ name: `baseline (${baselineDist})`, distDir: baselineDist });
  const pages = baselineDist ? PAGES : ['/about (baseline)', ...PAGES];
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bench-lighthouse-'));
  const servers: AppServer[] = [];
  const runs = new Map<string, Run[]>();
  try {
    for (const [index, build] of builds.entries()) {
      servers.push(
        await startAppServer({
          NEXT_DIST_DIR: build.distDir,
          DATABASE_URL: path.join(dataDir, `store-${index}.db`),
          MAIL_DIR: path.join(dataDir, `mail-${index}`),
        }),
      );
    }
    for (let round = 0; round < RUNS; round += 1) {
      for (const page of pages) {
        // Alternate which build goes first, so neither always runs on a machine warmed by the other.
        const order = round % 2 === 0 ? builds.map((_, i) => i) : builds.map((_, i) => i).reverse();
        for (const index of order) {
          const url = `${servers[index]!.url}${page.replace(' (baseline)', '')}`;
          const result = await runLighthouse(projectDir, url);
          const key = `${index} ${page}`;
          if (result) runs.set(key, [...(runs.get(key) ?? []), summarise(result, page)]);
        }
      }
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await rm(dataDir, { recursive: true, force: true });
  }
  console.log(`Lighthouse 12, mobile (simulated slow 4G, 4× CPU slowdown), production server (npm start) on 127.0.0.1; median of ${RUNS} runs (range)`);
  const rows: string[][] = [];
  const lost = new Set<string>();
  for (const page of pages) {
    for (const [index, build] of builds.entries()) {
      const seen = runs.get(`${index} ${page}`) ?? [];
      if (seen.length === 0) {
        rows.push([page, build.name, 'no result', '', '', '', '', '']);
        continue;
      }
      const perf = seen.map((run) => run.scores.performance ?? 0);
      const lcp = seen.map((run) => run.lcpMs);
      rows.push([
        page,
        build.name,
        `${median(perf)} (${Math.min(...perf)}–${Math.max(...perf)})`,
        `${(median(lcp) / 1000).toFixed(2)} s (${(Math.min(...lcp) / 1000).toFixed(1)}–${(Math.max(...lcp) / 1000).toFixed(1)})`,
        `${Math.round(median(seen.map((run) => run.tbtMs)))} ms`,
        ...CATEGORIES.slice(1).map((category) => String(Math.min(...seen.map((run) => run.scores[category] ?? 0)))),
      ]);
      if (index === 0) for (const line of seen.flatMap((run) => run.lost)) lost.add(line);
    }
  }
  console.log(formatTable(['page', 'build', 'performance', 'LCP', 'TBT', 'accessibility (lowest)', 'best practices (lowest)', 'SEO (lowest)'], rows));
  for (const line of lost) console.log(`lost points: ${line}`);
}

function summarise(lhr: Result, page: string): Run {
  const score = (id: string) => {
    const value = lhr.categories[id]?.score;
    return value === null || value === undefined ? undefined : Math.round(value * 100);
  };
  const lost: string[] = [];
  for (const id of CATEGORIES.slice(1)) {
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) lost.push(`${page} ${id}: ${audit.id} (${audit.title})`);
    }
  }
  return {
    scores: { performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices'), seo: score('seo') },
    lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
    tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN,
    lost,
  };
}

/**
 * Lighthouse's own command in a plain Node process (it launches and closes Chromium itself): run
 * inside this tsx process, the functions it sends to the page carry tsx's helper names and fail.
 */
async function runLighthouse(projectDir: string, url: string): Promise<Result | undefined> {
  const bin = path.join(projectDir, 'node_modules', 'lighthouse', 'cli', 'index.js');
  const args = [bin, url, '--output=json', '--quiet', `--only-categories=${CATEGORIES.join(',')}`, `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`];
  try {
    const { stdout } = await run(process.execPath, args, {
      env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 180_000,
    });
    return JSON.parse(stdout) as Result;
  } catch (error) {
    console.log(`note: Lighthouse on ${url} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return undefined;
  }
}

const run = promisify(execFile);
