import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { timeContentLoads, type ContentTiming } from './content-bench';
import { writeFictionalTree } from '../fixtures/fictional-tree';
import { bytes, formatTable, ms, ratio, signedBytes } from './format-table';
import { startNextServer } from './next-server';
import { measurePage, type PageWeight } from './page-weight';
import { subscribeTiming } from './subscribe-timing';
import { deploymentBench } from './deployment-bench';
import { subscriptionThroughput } from './subscribe-throughput';
import { updateMailBench } from './update-mail-bench';
import { archiveBuild, archiveCheck, archiveDev } from './archive-bench';

/**
 * `npm run bench`: prints figures, asserts nothing. Each figure is read against a baseline
 * measured in the same run (the real content tree; the 404 page), never against a fixed number.
 */
const PROJECT_DIR = process.cwd();
const PROCESSES = 5;
const WARM_RUNS = 5;
const FICTIONAL_MONTHS = 240;
const PAGES = ['/', '/mali', '/mali/crisiswatch', '/mali/crisiswatch/2023-02'];
const NOT_FOUND_PAGE = '/bench-no-such-page';

/** Each section prints its own figures; `npm run bench -- deployment subscriptions` runs only those. */
const SECTIONS: Record<string, () => Promise<void>> = {
  content: contentLoading,
  'subscribe-timing': () => subscribeTiming(200),
  'page-weight': pageWeight,
  subscriptions: subscriptionThroughput,
  deployment: deploymentBench,
  updates: updateMailBench,
  // The site at archive scale (fictional N countries × 240 months): about 20 minutes in all, 11 of them builds.
  'archive-check': archiveCheck,
  'archive-build': archiveBuild,
  'archive-dev': archiveDev,
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
  if (!existsSync(path.join(PROJECT_DIR, '.next', 'BUILD_ID'))) {
    console.log('Page weight: skipped, no production build in .next/. Run `npm run build` first.');
    return;
  }
  const stale = await changedSinceBuild();
  const server = await startNextServer(PROJECT_DIR);
  let weights: PageWeight[];
  try {
    weights = [];
    // One page at a time: the figures are sizes, but a quiet machine keeps the server honest.
    for (const page of [...PAGES, NOT_FOUND_PAGE]) weights.push(await measurePage(server.origin, page));
  } finally {
    await server.stop();
  }
  const baseline = weights.at(-1);
  if (!baseline) return;
  console.log('Page weight: bytes per page (assets counted on every page that loads them; gzip = node:zlib default level)');
  console.log(
    formatTable(
      ['page', 'status', 'HTML', 'HTML gz', 'JS files', 'JS', 'JS gz', 'CSS gz', 'JS gz vs 404'],
      weights.map((weight) => [
        weight === baseline ? `${weight.path} (404 baseline)` : weight.path,
        String(weight.status),
        bytes(weight.htmlBytes),
        bytes(weight.htmlGzip),
        String(weight.jsFiles),
        bytes(weight.jsBytes),
        bytes(weight.jsGzip),
        bytes(weight.cssGzip),
        weight === baseline ? '' : signedBytes(weight.jsGzip - baseline.jsGzip),
      ]),
    ),
  );
  const unexpected = weights.filter((weight) => (weight === baseline ? weight.status !== 404 : weight.status !== 200));
  for (const weight of unexpected) console.log(`note: ${weight.path} answered ${weight.status}; its figures describe that response.`);
  if (stale.length > 0) console.log(`note: ${stale.length} source file(s) changed since the build (e.g. ${stale[0]}); run \`npm run build\` for current figures.`);
}

/** Files under the folders that feed the build that are newer than .next/BUILD_ID. */
async function changedSinceBuild(): Promise<string[]> {
  const builtAt = statSync(path.join(PROJECT_DIR, '.next', 'BUILD_ID')).mtimeMs;
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
