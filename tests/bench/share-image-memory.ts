import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT, freePort, spawnWatched, waitForOutput, type WatchedProcess } from '../e2e/support/app-server';
import { fictionalCountries, monthAt, writeFictionalSite } from '../fixtures/fictional-tree';
import { formatTable, ms, ratio } from './format-table';
import { treeRss } from './process-tree';
import { median } from './stats';

/**
 * `npm run bench -- share-images`: the server's memory while it draws share images of distinct
 * months on request (issue 17, item 10). A fictional site of COUNTRIES × MONTHS entries is
 * written under tests/.generated/ and served by the production server (`npm run build` first;
 * the month images are drawn per request, so the build's own content does not matter). CONCURRENCY
 * clients ask for every month once, in order; at each checkpoint the requests pause and the
 * server's memory is read twice: RSS as it stands, then, after a full garbage collection
 * (tests/bench/memory-probe.mjs), RSS, the JavaScript heap and the rest (native memory:
 * libvips, WebAssembly, malloc). The baseline is the same server after 1,000 images.
 */
const COUNTRIES = 50;
const MONTHS = 400;
const CONCURRENCY = 20;
const CHECKPOINTS = [1_000, 2_000, 5_000, 10_000, 15_000, 20_000];
const CONTENT_DIR = path.join(ROOT, 'tests/.generated/share-images/content');
const PROBE = path.join(ROOT, 'tests/bench/memory-probe.mjs');
const MB = 1024 * 1024;

type Probe = { rss: number; heapUsed: number; external: number; arrayBuffers: number };
type Checkpoint = { renders: number; rssKb: number; afterGc: Probe; p50: number; p99: number; errors: number };

/** For looking into the figures: fewer checkpoints, settings or NODE_OPTIONS of the server's own. */
export type ShareImageOptions = { checkpoints?: readonly number[]; env?: Record<string, string> };

export async function shareImageMemory({ checkpoints = CHECKPOINTS, env = {} }: ShareImageOptions = {}): Promise<void> {
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  if (!existsSync(path.join(ROOT, distDir, 'BUILD_ID'))) {
    console.log(`Share images: skipped, no production build in ${distDir}/. Run \`npm run build\` first.`);
    return;
  }
  const writing = performance.now();
  await rm(CONTENT_DIR, { recursive: true, force: true });
  const written = await writeFictionalSite(CONTENT_DIR, COUNTRIES, MONTHS);
  const writtenMs = performance.now() - writing;
  const months = written.countries.flatMap((country) => Array.from({ length: MONTHS }, (_, i) => monthAt(2005, i)).map((month) => `/${country.slug}/crisiswatch/${month}/opengraph-image`));
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bench-share-images-'));
  let server: WatchedProcess | undefined;
  try {
    // As `npm start` runs it (its script sets the server's malloc arenas), as one process group.
    const port = await freePort();
    server = spawnWatched('npm', ['start'], {
      cwd: ROOT,
      group: true,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        NEXT_TELEMETRY_DISABLED: '1',
        CONTENT_DIR,
        DATABASE_URL: path.join(dataDir, 'subscribers.db'),
        MAIL_DIR: path.join(dataDir, 'mail'),
        OUTBOX_SENDER: 'worker',
        ...env,
        NODE_OPTIONS: `--import=${PROBE} ${env.NODE_OPTIONS ?? ''}`.trim(),
      },
    });
    await waitForOutput(server, 'Ready on', 60_000);
    const loading = performance.now();
    // The first request loads the whole content tree: a month before the archive, so no image is drawn.
    const origin = `http://127.0.0.1:${port}`;
    const first = await fetch(`${origin}/${fictionalCountries(1)[0]!.slug}/crisiswatch/2004-12/opengraph-image`);
    if (first.status !== 404) throw new Error(`a month before the archive answered ${first.status}, not 404`);
    const loadedMs = performance.now() - loading;
    print(await renderAll({ origin, process: server }, months, checkpoints), { entries: written.entries, writtenMs, loadedMs });
  } finally {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The server under test: where it answers, and the process (npm's group) that runs it. */
type Served = { origin: string; process: WatchedProcess };

export async function renderAll(server: Served, paths: string[], at: readonly number[]): Promise<Checkpoint[]> {
  const checkpoints: Checkpoint[] = [];
  let next = 0;
  let errors = 0;
  let latencies: number[] = [];
  for (const checkpoint of at) {
    const client = async () => {
      while (next < checkpoint) {
        const url = `${server.origin}${paths[next++]!}`;
        const started = performance.now();
        try {
          const response = await fetch(url);
          const body = await response.arrayBuffer();
          if (response.status !== 200 || response.headers.get('content-type') !== 'image/png' || body.byteLength === 0) errors += 1;
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - started);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, client));
    // The server is the largest process of npm's group (npm and its shell are a few MB).
    const serverProcess = treeRss(server.process.child.pid!).reduce((largest, process) => (process.rssKb > largest.rssKb ? process : largest));
    const sorted = [...latencies].sort((a, b) => a - b);
    checkpoints.push({ renders: checkpoint, rssKb: serverProcess.rssKb, afterGc: await probe(server.process, serverProcess.pid), p50: median(sorted), p99: sorted[Math.floor(sorted.length * 0.99)] ?? Number.NaN, errors });
    latencies = [];
  }
  return checkpoints;
}

/** Asks the server's memory probe for a full collection and its memory afterwards. */
async function probe(server: WatchedProcess, pid: number): Promise<Probe> {
  const before = server.output().split('memory-probe ').length;
  process.kill(pid, 'SIGUSR2');
  const deadline = Date.now() + 30_000;
  for (;;) {
    const parts = server.output().split('memory-probe ');
    if (parts.length > before) return JSON.parse(parts.at(-1)!.split('\n')[0]!) as Probe;
    if (Date.now() > deadline) throw new Error('the server did not answer the memory probe');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function print(checkpoints: Checkpoint[], about: { entries: number; writtenMs: number; loadedMs: number }): void {
  const baseline = checkpoints[0]!;
  console.log(
    `Share images: the production server draws ${checkpoints.at(-1)!.renders.toLocaleString('en-GB')} month images (distinct months of a fictional site of ${COUNTRIES} countries × ${MONTHS} months = ${about.entries.toLocaleString('en-GB')} entries; written in ${ms(about.writtenMs / 1000)} s, loaded by the server in ${ms(about.loadedMs / 1000)} s), ${CONCURRENCY} requests at a time. Baseline: the same server after ${baseline.renders.toLocaleString('en-GB')} images.`,
  );
  console.log(
    formatTable(
      ['images drawn', 'RSS MB', 'vs 1,000', 'after GC: RSS MB', 'JS heap MB', 'native MB (RSS − heap)', 'ms p50', 'ms p99', 'errors'],
      checkpoints.map((checkpoint) => [
        checkpoint.renders.toLocaleString('en-GB'),
        (checkpoint.rssKb / 1024).toFixed(0),
        ratio(checkpoint.rssKb, baseline.rssKb),
        (checkpoint.afterGc.rss / MB).toFixed(0),
        (checkpoint.afterGc.heapUsed / MB).toFixed(0),
        ((checkpoint.afterGc.rss - checkpoint.afterGc.heapUsed) / MB).toFixed(0),
        ms(checkpoint.p50),
        ms(checkpoint.p99),
        String(checkpoint.errors),
      ]),
    ),
  );
  console.log('ms = one image request (since the previous checkpoint), with the others under way.');
}
