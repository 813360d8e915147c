import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort } from '../support/deployment/ports';
import { fileCachePath } from '../../lib/content/file-cache';
import { BENCH_FRENCH_SHARE, writeFictionalSite } from '../fixtures/fictional-tree';
import { formatTable, ms, ratio } from './format-table';
import { killGroup, mb, runMeasured, sampleTreeMemory, type MeasuredRun } from './process-tree';
import { copyProject } from '../support/project-copy';
import { median } from './stats';

/**
 * `npm run bench -- archive` (or one part: archive-check, archive-build, archive-dev): the site
 * at archive scale, on fictional trees of N countries × 240 months generated in a temporary
 * folder (see writeFictionalSite; never committed, invented names only). Figures only, each read
 * against a baseline measured in the same run:
 * - archive-check: `content:check` and loadContent per file, cold, from the disk cache and warm,
 *   against reading and hashing every file (the floor of any hash-keyed cache).
 * - archive-build: `next build` + the after-build step (= `npm run build`) per added entry, with
 *   peak memory, against a build of the real content/; each tree built with both editions and
 *   again with the English edition alone (the same code, its language list cut to English in the
 *   copy, the content without its translations), so the French edition's cost per entry is read
 *   in the same run.
 * - archive-dev: `next dev`'s first and second response on a country page, against content/.
 * Builds and development servers run in a copy of the project (see tests/support/project-copy.ts).
 */
const PROJECT_DIR = process.cwd();
const runFile = promisify(execFile);
const MONTHS = 240;
const ROUNDS = 3;
const WARM_LOADS = 5;
const DIST_DIR = '.next-bench';
const DEV_DIST_DIR = '.next-bench-dev';
const LOAD_ONCE = path.join(import.meta.dirname, 'load-once.ts');
const READ_HASH_ONCE = path.join(import.meta.dirname, 'read-hash-once.ts');
// Every page lives under app/[locale] (English reaches it by a rewrite), so each language's entry pages have this source route.
const ENTRY_PAGE_ROUTE = '/[locale]/[country]/crisiswatch/[month]';
const ENTRY_OG_ROUTE = '/[locale]/[country]/crisiswatch/[month]/opengraph-image';

/** Sizes in countries, from an environment variable such as BENCH_ARCHIVE_COUNTRIES=1,5,10,50. */
function countriesFrom(name: string, fallback: string): number[] {
  const raw = process.env[name]?.trim() || fallback;
  const sizes = raw.split(',').map((part) => Number(part.trim()));
  if (sizes.some((size) => !Number.isInteger(size) || size < 1 || size > 73)) {
    throw new Error(`${name}=${raw}: give country counts from 1 to 73, separated by commas (such as ${fallback})`);
  }
  return [...new Set(sizes)].sort((a, b) => a - b);
}

async function withTree<T>(countries: number, work: (dir: string, files: number, entries: number, firstSlug: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), `bench-archive-${countries}x${MONTHS}-`));
  try {
    // French texts for most countries, as the search bench has them: both editions as a site translating.
    const counts = await writeFictionalSite(dir, countries, MONTHS, undefined, BENCH_FRENCH_SHARE);
    return await work(dir, counts.files, counts.entries, counts.countries[0]!.slug);
  } finally {
    await rm(dir, { recursive: true, force: true });
    // The content cache of a tree that no longer exists would only take space.
    await rm(contentCacheFile(PROJECT_DIR, dir), { force: true });
  }
}

/** Where lib/content/file-cache.ts keeps the cache of `contentDir` for a process started in `cwd`. */
const contentCacheFile = (cwd: string, contentDir: string) => fileCachePath(contentDir, cwd);

/** NODE_ENV as the command itself would set it (one inherited from the shell only brings a warning). */
function childEnv(nodeEnv: 'production' | 'development', extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, NODE_ENV: nodeEnv, NEXT_TELEMETRY_DISABLED: '1', ...extra };
}

// ---------------------------------------------------------------------------------------------
// content:check and the loader

type LoadTimes = { firstMs: number; warmMs: number[]; files: number };

async function timesOf(script: string, args: string[]): Promise<LoadTimes> {
  const run = await runMeasured(process.execPath, ['--import', 'tsx', script, ...args], { cwd: PROJECT_DIR, env: process.env });
  const line = run.output.trim().split('\n').at(-1) ?? '';
  if (run.code !== 0) throw new Error(`${path.basename(script)} failed (${run.code}): ${run.output.slice(-500)}`);
  return JSON.parse(line) as LoadTimes;
}

async function contentCheck(contentDir: string): Promise<number> {
  const tsx = path.join(PROJECT_DIR, 'node_modules', '.bin', 'tsx');
  const run = await runMeasured(tsx, ['lib/cli/content-check.ts', contentDir], { cwd: PROJECT_DIR, env: process.env });
  if (run.code !== 0) throw new Error(`content:check ${contentDir} failed (${run.code}):\n${run.output.slice(-1_000)}`);
  return run.ms;
}

export async function archiveCheck(): Promise<void> {
  const [countries = 50] = countriesFrom('BENCH_ARCHIVE_CHECK_COUNTRIES', '50');
  const realDir = path.join(PROJECT_DIR, 'content');
  await withTree(countries, async (tree, files) => {
    const cacheFile = contentCacheFile(PROJECT_DIR, tree);
    const realFiles = (await readdir(realDir, { recursive: true })).filter((name) => name.endsWith('.md')).length;
    const markdownFiles = (await readdir(tree, { recursive: true })).filter((name) => name.endsWith('.md')).length;
    const samples = { floorFirst: [] as number[], floorWarm: [] as number[], loadEmpty: [] as number[], loadDisk: [] as number[], loadWarm: [] as number[] };
    const cli = { startup: [] as number[], first: [] as number[], second: [] as number[] };
    let cacheBytes = 0;
    // The steps take turns within each round, so a busy moment slows a step and its baseline alike.
    for (let round = 0; round < ROUNDS; round += 1) {
      const floor = await timesOf(READ_HASH_ONCE, [tree, String(WARM_LOADS)]);
      samples.floorFirst.push(floor.firstMs);
      samples.floorWarm.push(...floor.warmMs);
      await rm(cacheFile, { force: true });
      const empty = await timesOf(LOAD_ONCE, [tree, String(WARM_LOADS)]);
      samples.loadEmpty.push(empty.firstMs);
      samples.loadWarm.push(...empty.warmMs);
      samples.loadDisk.push((await timesOf(LOAD_ONCE, [tree, '0'])).firstMs);
      cli.startup.push(await contentCheck(realDir));
      await rm(cacheFile, { force: true });
      cli.first.push(await contentCheck(tree));
      cacheBytes = existsSync(cacheFile) ? (await stat(cacheFile)).size : 0;
      cli.second.push(await contentCheck(tree));
    }
    const floorFirst = median(samples.floorFirst);
    const floorWarm = median(samples.floorWarm);
    const startup = median(cli.startup);
    const row = (step: string, total: number, perFile: number, floor: number) => [step, files.toLocaleString('en-GB'), ms(total), perFile.toFixed(3), ratio(perFile, floor / files)];
    console.log(
      `Archive: content:check and loadContent on ${countries} fictional countries × ${MONTHS} months (${files.toLocaleString('en-GB')} files); median of ${ROUNDS} rounds (warm rows: ${ROUNDS}×${WARM_LOADS} loads)`,
    );
    console.log(
      formatTable(
        ['step', 'files', 'ms', 'ms/file', 'vs floor'],
        [
          row('floor: read + hash every file, first pass in a new process', floorFirst, floorFirst / files, floorFirst),
          row('floor: read + hash every file, later passes', floorWarm, floorWarm / files, floorWarm),
          row('loadContent, first load, empty disk cache', median(samples.loadEmpty), median(samples.loadEmpty) / files, floorFirst),
          row('loadContent, first load in a new process, disk cache there', median(samples.loadDisk), median(samples.loadDisk) / files, floorFirst),
          row('loadContent, later loads in the same process (warm)', median(samples.loadWarm), median(samples.loadWarm) / files, floorWarm),
          row('content:check, first run, empty cache', median(cli.first), (median(cli.first) - startup) / files, floorFirst),
          row('content:check, second run, every file unchanged', median(cli.second), (median(cli.second) - startup) / files, floorFirst),
        ],
      ),
    );
    console.log(
      `content:check = \`node_modules/.bin/tsx lib/cli/content-check.ts <dir>\` (what \`npm run content:check\` runs, without npm), a new process each time; its ms/file is (wall time − ${ms(startup)} ms, the same command on content/, ${realFiles} files: start-up, module loading) / files.`,
    );
    console.log(
      `loadContent rows are timed inside the process (load-once.ts), parsing every file in its own thread (the build's way); content:check parses a large tree in worker threads (${availableParallelism()} here). floor: the same files read (64 at a time with fs/promises, as the loader read them until it read synchronously; kept so that runs compare) and hashed with the loader's hash, nothing parsed. ${markdownFiles.toLocaleString('en-GB')} markdown files in all, translations included; ms/file divides by the ${files.toLocaleString('en-GB')} sources, as before.`,
    );
    console.log(
      cacheBytes > 0
        ? `The disk cache of this tree: ${(cacheBytes / 1024 / 1024).toFixed(1)} MB in ${path.relative(PROJECT_DIR, path.dirname(cacheFile))}/, deleted afterwards.`
        : `note: no cache file at ${path.relative(PROJECT_DIR, cacheFile)} after content:check: lib/content/file-cache.ts keeps it elsewhere now, so "empty cache" rows may have had one.`,
    );
  });
}

// ---------------------------------------------------------------------------------------------
// next build

type BuildFigure = {
  label: string;
  countries: number;
  entries: number;
  next: MeasuredRun;
  /** CPU time (user + system) of next build and the after-build step, every process of each summed. */
  cpuMs: number;
  after?: MeasuredRun;
  phases: Record<string, number>;
  routes: { entry: number; og: number; other: number };
  bytes: { entry: number; og: number; all: number };
};

/** Phases of `next build` from its trace (microseconds → ms): compile, type check, page data, prerendering. */
const PHASES = { compile: 'run-turbopack', typescript: 'run-typescript', pageData: 'static-check', prerender: 'static-generation' } as const;

export async function buildPhases(distDir: string): Promise<Record<string, number>> {
  const phases: Record<string, number> = {};
  try {
    for (const line of (await readFile(path.join(distDir, 'trace'), 'utf8')).split('\n')) {
      if (!line.trim()) continue;
      for (const event of JSON.parse(line) as { name: string; duration: number }[]) {
        for (const [phase, name] of Object.entries(PHASES)) if (event.name === name) phases[phase] = (phases[phase] ?? 0) + event.duration / 1000;
      }
    }
  } catch {
    // No trace (another Next version): the phase columns stay empty.
  }
  return phases;
}

/** Prerendered routes by kind (prerender-manifest.json) and the bytes each kind wrote under server/app. */
async function prerendered(distDir: string): Promise<Pick<BuildFigure, 'routes' | 'bytes'>> {
  const manifest = JSON.parse(await readFile(path.join(distDir, 'prerender-manifest.json'), 'utf8')) as { routes: Record<string, { srcRoute?: string | null }> };
  const routes = { entry: 0, og: 0, other: 0 };
  for (const route of Object.values(manifest.routes)) {
    if (route.srcRoute === ENTRY_PAGE_ROUTE) routes.entry += 1;
    else if (route.srcRoute === ENTRY_OG_ROUTE) routes.og += 1;
    else routes.other += 1;
  }
  const bytes = { entry: 0, og: 0, all: 0 };
  const appDir = path.join(distDir, 'server', 'app');
  for (const item of await readdir(appDir, { recursive: true, withFileTypes: true })) {
    if (!item.isFile()) continue;
    const file = path.join(item.parentPath, item.name);
    const size = (await stat(file)).size;
    const relative = path.relative(appDir, file).split(path.sep).join('/');
    bytes.all += size;
    if (/^(?:[a-z]{2}\/)?[^/]+\/crisiswatch\/\d{4}-\d{2}\/opengraph-image/.test(relative)) bytes.og += size;
    else if (/^(?:[a-z]{2}\/)?[^/]+\/crisiswatch\/\d{4}-\d{2}\.(html|rsc|meta|segments\/)/.test(relative)) bytes.entry += size;
  }
  return { routes, bytes };
}

async function buildOnce(projectDir: string, contentDir: string, figure: Omit<BuildFigure, 'next' | 'after' | 'phases' | 'routes' | 'bytes' | 'cpuMs'>): Promise<BuildFigure | undefined> {
  const distDir = path.join(projectDir, DIST_DIR);
  const env = childEnv('production', { CONTENT_DIR: contentDir, NEXT_DIST_DIR: DIST_DIR });
  try {
    const next = await runMeasured(process.execPath, [path.join(projectDir, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], { cwd: projectDir, env });
    if (next.code !== 0) {
      console.log(`note: next build of ${figure.label} failed (exit ${next.code}); its row is left out. Last output:\n${next.output.trim().split('\n').slice(-15).join('\n')}`);
      return undefined;
    }
    const after = await runMeasured(process.execPath, ['--import', 'tsx', 'lib/build/after-next-build.ts'], { cwd: projectDir, env });
    if (after.code !== 0) console.log(`note: the after-build step of ${figure.label} failed (exit ${after.code}): ${after.output.trim().slice(-500)}`);
    const cpuMs = next.cpuMs + (after.code === 0 ? after.cpuMs : 0);
    return { ...figure, next, cpuMs, after: after.code === 0 ? after : undefined, phases: await buildPhases(distDir), ...(await prerendered(distDir)) };
  } finally {
    await rm(distDir, { recursive: true, force: true });
  }
}

const seconds = (value: number | undefined) => (value === undefined ? '' : (value / 1000).toFixed(1));
const buildMs = (figure: BuildFigure) => figure.next.ms + (figure.after?.ms ?? 0);

/**
 * The English edition alone, for comparison: the copy's language list cut to English at run time
 * (its type unchanged, so the code compiles as it is), which every route, rewrite, sitemap and
 * static-params list reads.
 */
async function englishOnly(projectDir: string): Promise<void> {
  const file = path.join(projectDir, 'lib', 'i18n', 'locales.ts');
  const source = await readFile(file, 'utf8');
  const cut = source.replace("export const LOCALES = ['en', 'fr'] as const;", "export const LOCALES = (['en', 'fr'] as const).slice(0, 1) as unknown as readonly ['en', 'fr'];");
  if (cut === source) throw new Error(`${file} no longer declares LOCALES as the bench expects: update englishOnly()`);
  await writeFile(file, cut);
}

/**
 * `contentDir` as the English edition alone has it: a hard-linked copy without translations
 * (`*.fr.md`), which a site without French refuses. Removed by the returned function.
 */
async function englishContent(contentDir: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-english-content-'));
  await rm(dir, { recursive: true });
  await runFile('cp', ['-al', contentDir, dir]);
  for (const name of await readdir(dir, { recursive: true })) if (/\.[a-z]{2}\.md$/.test(name)) await rm(path.join(dir, name));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

async function buildEnglishOnly(projectDir: string, contentDir: string, figure: Omit<BuildFigure, 'next' | 'after' | 'phases' | 'routes' | 'bytes' | 'cpuMs'>): Promise<BuildFigure | undefined> {
  const content = await englishContent(contentDir);
  try {
    return await buildOnce(projectDir, content.dir, figure);
  } finally {
    await content.remove();
  }
}

export async function archiveBuild(): Promise<void> {
  const sizes = countriesFrom('BENCH_ARCHIVE_COUNTRIES', '1,5,10,50');
  // BENCH_ARCHIVE_ENGLISH=0 skips the English-only builds (they take a third of the run).
  const withEnglishOnly = process.env.BENCH_ARCHIVE_ENGLISH !== '0';
  // BENCH_ARCHIVE_AGAINST=<another checkout, such as main's> builds each tree with that code too, both editions.
  const againstDir = process.env.BENCH_ARCHIVE_AGAINST?.trim() ? path.resolve(process.env.BENCH_ARCHIVE_AGAINST.trim()) : undefined;
  const project = await copyProject(PROJECT_DIR);
  const english = withEnglishOnly ? await copyProject(PROJECT_DIR) : undefined;
  if (english) await englishOnly(english.dir);
  const against = againstDir ? await copyProject(againstDir) : undefined;
  const againstLabel = againstDir ? await checkoutLabel(againstDir) : '';
  const figures: BuildFigure[] = [];
  const englishFigures: BuildFigure[] = [];
  const againstFigures: BuildFigure[] = [];
  const started = performance.now();
  try {
    const realDir = path.join(project.dir, 'content');
    const realEntries = (await readdir(realDir, { recursive: true })).filter((name) => /(^|\/)crisiswatch\/\d{4}-\d{2}\.md$/.test(name)).length;
    const realCountries = (await readdir(realDir, { withFileTypes: true })).filter((item) => item.isDirectory()).length;
    const baseline = await buildOnce(project.dir, realDir, { label: 'content/ (baseline)', countries: realCountries, entries: realEntries });
    if (baseline) figures.push(baseline);
    if (english) {
      const englishBaseline = await buildEnglishOnly(english.dir, path.join(english.dir, 'content'), { label: 'content/ (baseline), English only', countries: realCountries, entries: realEntries });
      if (englishBaseline) englishFigures.push(englishBaseline);
    }
    for (const countries of sizes) {
      await withTree(countries, async (tree, _files, entries) => {
        const figure = await buildOnce(project.dir, tree, { label: `${countries} × ${MONTHS}`, countries, entries });
        if (figure) figures.push(figure);
        const other = against && (await buildOnce(against.dir, tree, { label: `${countries} × ${MONTHS}, ${againstLabel}`, countries, entries }));
        if (other) againstFigures.push(other);
        const alone = english && (await buildEnglishOnly(english.dir, tree, { label: `${countries} × ${MONTHS}, English only`, countries, entries }));
        if (alone) englishFigures.push(alone);
      });
    }
  } finally {
    await project.remove();
    await english?.remove();
    await against?.remove();
  }
  printBuilds(figures, englishFigures, Math.round((performance.now() - started) / 60_000));
  if (againstFigures.length > 0) printAgainst(figures, againstFigures, againstLabel);
}

/** `main at 3546dc9`: the branch and commit of a checkout, for the baseline's label. */
async function checkoutLabel(dir: string): Promise<string> {
  try {
    const { stdout } = await runFile('git', ['-C', dir, 'log', '-1', '--format=%h']);
    const branch = (await runFile('git', ['-C', dir, 'rev-parse', '--abbrev-ref', 'HEAD'])).stdout.trim();
    return `${branch} at ${stdout.trim()}`;
  } catch {
    return path.basename(dir);
  }
}

/** All prerendered routes (both editions): the pages the goal's "ms a page" divides by. */
const pagesOf = (figure: BuildFigure) => figure.routes.entry + figure.routes.og + figure.routes.other;

function printAgainst(figures: BuildFigure[], againstFigures: BuildFigure[], againstLabel: string): void {
  const rows = againstFigures.flatMap((other) => {
    const ours = figures.find((figure) => figure.countries === other.countries && figure.entries === other.entries && !figure.label.includes('baseline'));
    return ours ? [[ours, other] as const] : [];
  });
  const perPage = (figure: BuildFigure, value: number | undefined) => (value === undefined ? '' : ms(value / pagesOf(figure)));
  console.log(`This checkout against ${againstLabel} (both editions, the same trees, built one after the other in this run): build time and CPU time per prerendered page`);
  console.log(
    formatTable(
      ['tree', 'pages', 'ms/page', `ms/page ${againstLabel}`, 'ratio', 'prerender s', `prerender s ${againstLabel}`, 'CPU ms/page', `CPU ms/page ${againstLabel}`, 'CPU ratio', 'peak RSS tree', `peak RSS tree ${againstLabel}`],
      rows.map(([ours, other]) => [
        ours.label,
        `${pagesOf(ours).toLocaleString('en-GB')}/${pagesOf(other).toLocaleString('en-GB')}`,
        perPage(ours, buildMs(ours)),
        perPage(other, buildMs(other)),
        ratio(buildMs(ours), buildMs(other)),
        seconds(ours.phases.prerender),
        seconds(other.phases.prerender),
        perPage(ours, ours.cpuMs),
        perPage(other, other.cpuMs),
        ratio(ours.cpuMs, other.cpuMs),
        mb(Math.max(ours.next.peakTreeKb, ours.after?.peakTreeKb ?? 0)),
        mb(Math.max(other.next.peakTreeKb, other.after?.peakTreeKb ?? 0)),
      ]),
    ),
  );
  console.log('pages: every prerendered route (prerender-manifest.json), ours/theirs; ms/page: the whole `npm run build` (next build + after-build) / pages; CPU: user + system time of every process of the build.');
}

/** Compiling does not depend on the content: one much slower than the run's fastest means a busy machine. */
const BUSY_COMPILE = 1.4;

function printBuilds(bothFigures: BuildFigure[], englishFigures: BuildFigure[], minutes: number): void {
  const full = bothFigures;
  const figures = [...bothFigures, ...englishFigures];
  const compiles = figures.flatMap((figure) => (figure.phases.compile === undefined ? [] : [figure.phases.compile]));
  const fastestCompile = compiles.length > 0 ? Math.min(...compiles) : undefined;
  const busy = (figure: BuildFigure) => fastestCompile !== undefined && (figure.phases.compile ?? 0) > BUSY_COMPILE * fastestCompile;
  const row = (figure: BuildFigure, previous: BuildFigure | undefined) => {
    const slope = previous ? (buildMs(figure) - buildMs(previous)) / (figure.entries - previous.entries) : undefined;
    return [
      busy(figure) ? `${figure.label} (busy)` : figure.label,
      figure.entries.toLocaleString('en-GB'),
      `${figure.routes.entry}/${figure.routes.og}/${figure.routes.other}`,
      seconds(buildMs(figure)),
      seconds(figure.next.ms),
      seconds(figure.phases.compile),
      seconds(figure.phases.typescript),
      seconds(figure.phases.pageData),
      seconds(figure.phases.prerender),
      seconds(figure.after?.ms),
      slope === undefined ? '' : ms(slope),
      figure.label.includes('baseline') ? '' : ms(buildMs(figure) / figure.entries),
      mb(Math.max(figure.next.peakTreeKb, figure.after?.peakTreeKb ?? 0)),
      mb(Math.max(figure.next.peakLargestKb, figure.after?.peakLargestKb ?? 0)),
    ];
  };
  const header = ['tree (countries × months)', 'entries', 'routes entry/OG/other', 'total s', 'next build s', 'compile s', 'types s', 'page data s', 'prerender s', 'after-build s', 'ms/entry (slope)', 'ms/entry (total)', 'peak RSS tree', 'largest process'];
  console.log(`Archive: \`npm run build\` per added entry (next build, then lib/build/after-next-build.ts), in a copy of the project, a new ${DIST_DIR} each time; ${minutes} min in all`);
  console.log('Both editions (English and French):');
  console.log(formatTable(header, full.map((figure, index) => row(figure, full[index - 1]))));
  if (englishFigures.length > 0) {
    console.log('English edition alone (baseline: the same code and trees, the language list cut to English):');
    console.log(formatTable(header, englishFigures.map((figure, index) => row(figure, englishFigures[index - 1]))));
    const pairs = full.flatMap((figure) => {
      const alone = englishFigures.find((other) => other.countries === figure.countries && other.entries === figure.entries && !figure.label.includes('baseline'));
      return alone ? [[figure, alone] as const] : [];
    });
    if (pairs.length > 0) {
      console.log('The French edition\'s cost: build time and entry pages of both editions against English alone');
      console.log(
        formatTable(
          ['tree', 'ms/entry both', 'ms/entry English', 'ratio', 'ms/page both (entry pages)', 'entry pages both/English', 'peak RSS both', 'peak RSS English'],
          pairs.map(([both, alone]) => [
            both.label,
            ms(buildMs(both) / both.entries),
            ms(buildMs(alone) / alone.entries),
            ratio(buildMs(both), buildMs(alone)),
            both.routes.entry > 0 ? ms(buildMs(both) / both.routes.entry) : '',
            `${both.routes.entry}/${alone.routes.entry}`,
            mb(Math.max(both.next.peakTreeKb, both.after?.peakTreeKb ?? 0)),
            mb(Math.max(alone.next.peakTreeKb, alone.after?.peakTreeKb ?? 0)),
          ]),
        ),
      );
    }
  }
  const largest = full.at(-1);
  if (largest) {
    const size = (value: number) => `${(value / 1024 / 1024).toFixed(0)} MB`;
    console.log(
      `Output of ${largest.label} under ${DIST_DIR}/server/app: ${size(largest.bytes.all)}, of which entry pages ${size(largest.bytes.entry)} (HTML, RSC, segments) and entry OG images ${size(largest.bytes.og)} (drawn on request since they cost a third of the build: none expected).`,
    );
  }
  if (figures.some(busy)) {
    console.log(`note: (busy) marks a build whose compile step took over ${BUSY_COMPILE}× the fastest of this run's: something else was using the cores then, so its times, and the slopes next to it, are too high. Run again on a quieter machine.`);
  }
  console.log(
    'routes: prerendered routes in prerender-manifest.json (entry page / entry OG image / the rest); slope: (total − previous row\'s total) / (entries − previous row\'s entries). Peak RSS: the build\'s process tree summed, and its largest process, sampled every 500 ms from /proc.',
  );
}

// ---------------------------------------------------------------------------------------------
// next dev

type DevFigure = { label: string; page: string; firstMs?: number; firstStatus?: number; secondMs?: number; laterMs?: number; peakTreeKb: number; rssAfterKb: number; peakLargestKb: number };

function get(url: string, timeoutMs: number): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.get(url, (response) => {
      response.resume();
      response.once('end', () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }));
      response.once('error', reject);
    });
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`no answer from ${url} within ${timeoutMs} ms`)));
    request.once('error', reject);
  });
}

/** Starts `next dev` in the copy and times the first 200 on `page` from the start, then more GETs. */
async function devRun(projectDir: string, contentDir: string, page: string, label: string): Promise<DevFigure> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(projectDir, 'node_modules', 'next', 'dist', 'bin', 'next'), 'dev', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: projectDir,
    env: childEnv('development', { CONTENT_DIR: contentDir, NEXT_DIST_DIR: DEV_DIST_DIR }),
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: the server and its next-server child are stopped together by the group's id.
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const onExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', onExit);
  const memory = sampleTreeMemory(child.pid!);
  const url = `http://127.0.0.1:${port}${page}`;
  const figure: DevFigure = { label, page, peakTreeKb: 0, rssAfterKb: 0, peakLargestKb: 0 };
  try {
    const deadline = Date.now() + 600_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`next dev exited with code ${child.exitCode}:\n${output.slice(-1_000)}`);
      if (Date.now() > deadline) throw new Error(`no answer from ${url} within 10 minutes`);
      try {
        const first = await get(url, 600_000);
        figure.firstStatus = first.status;
        figure.firstMs = performance.now() - started;
        break;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100)); // not listening yet
      }
    }
    if (figure.firstStatus === 200) {
      figure.secondMs = (await get(url, 120_000)).ms;
      // Later requests, each more than a second after the one before: in development the tree is
      // loaded again then (lib/content/index.ts), from the in-memory file cache.
      const later: number[] = [];
      for (let index = 0; index < 3; index += 1) {
        await new Promise((resolve) => setTimeout(resolve, 1_100));
        later.push((await get(url, 120_000)).ms);
      }
      figure.laterMs = median(later);
    } else {
      console.log(`note: ${label}: ${page} answered ${figure.firstStatus} first. Server output:\n${output.slice(-1_000)}`);
    }
    figure.rssAfterKb = memory.now();
    return figure;
  } finally {
    const peak = memory.stop();
    figure.peakTreeKb = peak.peakTreeKb;
    figure.peakLargestKb = peak.peakLargestKb;
    process.off('exit', onExit);
    await stopGroup(child);
  }
}

async function stopGroup(child: ReturnType<typeof spawn>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    killGroup(child, 'SIGKILL'); // a child of the server may outlive it
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  killGroup(child, 'SIGTERM');
  const force = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
  await exited;
  clearTimeout(force);
  killGroup(child, 'SIGKILL');
}

export async function archiveDev(): Promise<void> {
  const [countries = 50] = countriesFrom('BENCH_ARCHIVE_DEV_COUNTRIES', '50');
  const project = await copyProject(PROJECT_DIR);
  const figures: DevFigure[] = [];
  try {
    const realDir = path.join(project.dir, 'content');
    const [realSlug] = (await readdir(realDir, { withFileTypes: true })).filter((item) => item.isDirectory()).map((item) => item.name).sort();
    if (realSlug) figures.push(await devRun(project.dir, realDir, `/${realSlug}`, 'content/ (baseline), first start'));
    await rm(path.join(project.dir, DEV_DIST_DIR), { recursive: true, force: true });
    await withTree(countries, async (tree, files, _entries, slug) => {
      const label = `${countries} × ${MONTHS} (${files.toLocaleString('en-GB')} files)`;
      figures.push(await devRun(project.dir, tree, `/${slug}`, `${label}, first start`));
      // Started again: the content cache on disk and Turbopack's cache in the dist folder are there.
      figures.push(await devRun(project.dir, tree, `/${slug}`, `${label}, restarted`));
      figures.push(await devRun(project.dir, tree, `/${slug}/crisiswatch/${monthLabel(MONTHS - 1)}`, `${label}, restarted, an entry page`));
    });
  } finally {
    await project.remove();
  }
  console.log(`Archive: \`next dev\` (${DEV_DIST_DIR}, in a copy of the project); first = from starting the server to the first 200 on the page, second = the GET right after, later = median of 3 GETs 1.1 s apart`);
  console.log(
    formatTable(
      ['run', 'page', 'first s', 'second s', 'later s', 'peak RSS tree', 'RSS tree after', 'largest process'],
      figures.map((figure) => [
        figure.label,
        figure.page,
        seconds(figure.firstMs),
        seconds(figure.secondMs),
        seconds(figure.laterMs),
        mb(figure.peakTreeKb),
        mb(figure.rssAfterKb),
        mb(figure.peakLargestKb),
      ]),
    ),
  );
  console.log('first start: no dist folder and no content cache; restarted: both left by the run before. RSS from /proc every 500 ms, the server and its children summed.');
}

function monthLabel(offset: number): string {
  const year = 2005 + Math.floor(offset / 12);
  return `${year}-${String((offset % 12) + 1).padStart(2, '0')}`;
}
