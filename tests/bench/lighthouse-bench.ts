import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Result } from 'lighthouse';
import { CHROMIUM_ARGS } from '../e2e/sites';
import { formatTable } from './format-table';
import { startNextServer } from './next-server';

/** The pages the reader's-site issue names: home, the month across countries, a country, an entry, a search. */
const PAGES = ['/', '/crisiswatch', '/mali', '/mali/crisiswatch/2023-02', '/search?q=army'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/**
 * `npm run bench -- lighthouse`: Lighthouse 12 (mobile, its default: a slow 4G and a 4× slower
 * CPU, simulated) on the production build in Debian's Chromium, one page at a time. Prints the
 * four scores and, for any score under 100, the audits that cost points.
 */
export async function lighthouseBench(projectDir: string, distDir: string): Promise<void> {
  if (!existsSync(path.join(projectDir, distDir, 'BUILD_ID'))) {
    console.log(`Lighthouse: skipped, no production build in ${distDir}/. Run \`npm run build\` first.`);
    return;
  }
  const server = await startNextServer(projectDir);
  const rows: string[][] = [];
  const lost: string[] = [];
  try {
    for (const page of PAGES) {
      const lhr = await runLighthouse(projectDir, `${server.origin}${page}`);
      if (!lhr) {
        rows.push([page, 'no result', '', '', '', '']);
        continue;
      }
      const score = (id: string) => {
        const value = lhr.categories[id]?.score;
        return value === null || value === undefined ? '–' : String(Math.round(value * 100));
      };
      const lcp = lhr.audits['largest-contentful-paint']?.displayValue ?? '';
      rows.push([page, ...CATEGORIES.map(score), lcp]);
      for (const id of CATEGORIES.slice(1)) {
        for (const ref of lhr.categories[id]?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) lost.push(`${page} ${id}: ${audit.id} (${audit.title})`);
        }
      }
    }
  } finally {
    await server.stop();
  }
  console.log('Lighthouse 12, mobile (simulated slow 4G, 4× CPU slowdown), production build served by next start on 127.0.0.1');
  console.log(formatTable(['page', 'performance', 'accessibility', 'best practices', 'SEO', 'LCP'], rows));
  for (const line of lost) console.log(`lost points: ${line}`);
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
