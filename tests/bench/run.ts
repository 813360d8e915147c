import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { timeContentLoads, type ContentTiming } from './content-bench';
import { writeFictionalTree } from '../fixtures/fictional-tree';
import { bytes, formatTable, ms, ratio, signedBytes } from './format-table';
import { startNextServer } from './next-server';
import { measurePage, sharedScripts, splitScripts, type PageWeight } from './page-weight';
import { subscribeTiming } from './subscribe-timing';
import { deploymentBench } from './deployment-bench';
import { subscriptionThroughput } from './subscribe-throughput';
import { updateMailBench } from './update-mail-bench';
import { archiveBuild, archiveCheck, archiveDev } from './archive-bench';
import { publishBench } from './publish-bench';
import { searchBench } from './search-bench';
import { lighthouseBench } from './lighthouse-bench';
import { shareImageMemory } from './share-image-memory';
import { sqliteLockBench } from './sqlite-lock-bench';

/**
 * `npm run bench`: prints figures, asserts nothing. Each figure is read against a baseline
 * measured in the same run (the real content tree; the 404 page), never against a fixed number.
 */
const PROJECT_DIR = process.cwd();
const PROCESSES = 5;
const WARM_RUNS = 5;
const FICTIONAL_MONTHS = 240;
/** Page weight: a country, its archive and an entry, and the site-wide sections (a 404 is printed, not fatal). */
const PAGES = ['/', '/mali', '/mali/crisiswatch', '/mali/crisiswatch/2023-02', '/countries', '/crisiswatch', '/search?q=army', '/subscribe'];
/** The same pages of the French edition. */
const FRENCH_PAGES = ['/fr', '/fr/mali', '/fr/mali/crisiswatch/2023-02', '/fr/crisiswatch', `/fr/search?q=${encodeURIComponent('armée')}`];
/** The build page weight measures: the one `npm start` serves (NEXT_DIST_DIR, as next.config.ts reads it). */
const DIST_DIR = process.env.NEXT_DIST_DIR || '.next';
const NOT_FOUND_PAGE = '/bench-no-such-page';

/** Each section prints its own figures; `npm run bench -- deployment subscriptions` runs only those. */
const SECTIONS: Record<string, () => Promise<void>> = {
  content: contentLoading,
  'subscribe-timing': () => subscribeTiming(200),
  'page-weight': pageWeight,
  subscriptions: subscriptionThroughput,
  deployment: deploymentBench,
  updates: updateMailBench,
  // /mali while another process holds the SQLite store's write lock, against the same page with the store free.
  'sqlite-lock': sqliteLockBench,
  // Index build and query latency on 50 fictional countries × 240 months, against a String.includes scan (about a minute).
  search: searchBench,
  lighthouse: () => lighthouseBench(PROJECT_DIR, DIST_DIR),
  // The server's memory after 1,000 and 20,000 share images of distinct months (about 20 minutes).
  'share-images': shareImageMemory,
  // The site at archive scale (fictional N countries × 240 months): about 20 minutes in all, 11 of them builds.
  'archive-check': archiveCheck,
  'archive-build': archiveBuild,
  'archive-dev': archiveDev,
  // A new month committed → its page, feed entry and update mail live, at 50 × 240 (about 10 minutes: three builds).
  publish: publishBench,
};
/** Names that run several sections: `npm run bench -- archive`. */
const GROUPS: Record<string, string[]> = { archive: ['archive-check', 'archive-build', 'archive-dev'] };

async function main(args: string[]): Promise<void> {
  const names = args.flatMap((name) => (Object.hasOwn(GROUPS, name) ? GROUPS[name]! : [name]));
  const unknown = names.filter((name) => !Object.hasOwn(SECTIONS, name));
  if (unknown.length > 0) throw new Error(`Unknown section(s): ${unknown.join(', ')}. Sections: ${[...Object.keys(SECTIONS), ...Object.keys(GROUPS)].join(', ')}`);
  const [load] = loadavg();
  console.log(`Benchmark on Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average ${load?.toFixed(2) ?? '?'} at start; figures only (no pass/fail).\n`);
  for (const name of names.length > 0 ? names : Object.keys(SECTIONS)) {
    await SECTIONS[name]!();
    console.log();
  }
}

async function contentLoading(): Promise<void> {
  const tempDir = await mkdtemp(path.join(tmpdir(), 'bench-content-'));
  let real: ContentTiming | undefined;
  let fictional: ContentTiming | undefined;
  try {
    await writeFictionalTree(tempDir, FICTIONAL_MONTHS);
    [real, fictional] = await timeContentLoads([path.join(PROJECT_DIR, 'content'), tempDir], PROCESSES, WARM_RUNS);
  } finally {
    await rm(tempDir, { recursive: true, force: true });
  }
  if (!real || !fictional) return;
  const baseline = real;
  const row = (name: string, timing: ContentTiming) => [
    name,
    String(timing.files),
    ms(timing.coldMs),
    ms(timing.warmMs),
    ms(timing.warmMs / timing.files),
    ratio(timing.warmMs / timing.files, baseline.warmMs / baseline.files),
  ];
  console.log(`Content loading: loadContent(dir) = read + validate + render; cold = first load in a fresh process (median of ${PROCESSES}), warm = median of ${PROCESSES}×${WARM_RUNS} later loads`);
  console.log(
    formatTable(
      ['tree', 'files', 'cold ms', 'warm ms', 'warm ms/file', 'ms/file vs content/'],
      [row('content/ (baseline)', real), row(`fictional ruritania, ${FICTIONAL_MONTHS} months`, fictional)],
    ),
  );
  console.log('file = one markdown file: a country.md, a CrisisWatch entry or a quote; the per-file figure is the per-entry cost.');
}

async function pageWeight(): Promise<void> {
  if (!existsSync(path.join(PROJECT_DIR, DIST_DIR, 'BUILD_ID'))) {
    console.log(`Page weight: skipped, no production build in ${DIST_DIR}/. Run \`npm run build\` first.`);
    return;
  }
  const stale = await changedSinceBuild();
  const server = await startNextServer(PROJECT_DIR);
  const weights: PageWeight[] = [];
  const failures: string[] = [];
  try {
    // One page at a time: the figures are sizes, but a quiet machine keeps the server honest.
    for (const page of [...PAGES, ...FRENCH_PAGES, NOT_FOUND_PAGE]) {
      try {
        weights.push(await measurePage(server.origin, page));
      } catch (error) {
        // A page still being written (or an asset it names) must not stop the other figures.
        failures.push(`note: ${page} could not be measured: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } finally {
    await server.stop();
  }
  const baseline = weights.find((weight) => weight.path === NOT_FOUND_PAGE);
  const shared = sharedScripts(weights);
  console.log('Page weight: bytes per page (assets counted on every page that loads them; gzip = node:zlib default level)');
  console.log(
    `shared = the ${shared.size} script(s) every measured page loads (the framework's part); added = the page's other scripts (its client components); RSC file = the payload a prerendered page fetches after its first paint, not in JS. KB = 1,024 bytes.`,
  );
  console.log(
    formatTable(
      ['page', 'status', 'HTML', 'HTML gz', 'of it inline RSC', 'RSC file gz', 'JS files', 'JS', 'JS gz', 'shared KB gz', 'added files', 'added KB gz', 'CSS gz', 'fonts preloaded', 'JS gz vs 404'],
      weights.map((weight) => {
        const split = splitScripts(weight, shared);
        return [
          weight === baseline ? `${weight.path} (404 baseline)` : weight.path,
          String(weight.status),
          bytes(weight.htmlBytes),
          bytes(weight.htmlGzip),
          weight.htmlBytes > 0 ? `${Math.round((100 * weight.inlinePayloadBytes) / weight.htmlBytes)}%` : '',
          weight.payloadFile ? bytes(weight.payloadFile.gzip) : '',
          String(weight.jsFiles),
          bytes(weight.jsBytes),
          bytes(weight.jsGzip),
          kb(split.sharedGzip),
          String(split.addedFiles),
          kb(split.addedGzip),
          bytes(weight.cssGzip),
          `${weight.preloadedFonts}: ${bytes(weight.preloadedFontBytes)}`,
          !baseline || weight === baseline ? '' : signedBytes(weight.jsGzip - baseline.jsGzip),
        ];
      }),
    ),
  );
  for (const weight of weights) {
    const { added } = splitScripts(weight, shared);
    if (added.length > 0) console.log(`added by ${weight.path}: ${added.map((script) => `${path.basename(script.url)} ${kb(script.gzip)}`).join(', ')}`);
  }
  const unexpected = weights.filter((weight) => (weight === baseline ? weight.status !== 404 : weight.status !== 200));
  for (const weight of unexpected) console.log(`note: ${weight.path} answered ${weight.status}; its figures describe that response.`);
  for (const failure of failures) console.log(failure);
  if (stale.length > 0) console.log(`note: ${stale.length} source file(s) changed since the build (e.g. ${stale[0]}); run \`npm run build\` for current figures.`);
}

function kb(value: number): string {
  return (value / 1024).toFixed(1);
}

/** Files under the folders that feed the build that are newer than the build's BUILD_ID. */
async function changedSinceBuild(): Promise<string[]> {
  const builtAt = statSync(path.join(PROJECT_DIR, DIST_DIR, 'BUILD_ID')).mtimeMs;
  const changed: string[] = [];
  for (const folder of ['app', 'components', 'lib', 'content', 'public']) {
    const root = path.join(PROJECT_DIR, folder);
    if (!existsSync(root)) continue;
    for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
      const file = path.join(entry.parentPath, entry.name);
      if (entry.isFile() && statSync(file).mtimeMs > builtAt) changed.push(path.relative(PROJECT_DIR, file));
    }
  }
  return changed.sort();
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
