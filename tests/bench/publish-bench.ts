import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { simpleParser } from 'mailparser';
import { formatMonth } from '../../lib/format';
import { BENCH_FRENCH_SHARE, writeFictionalMonth, writeFictionalSite, type FictionalCountry } from '../fixtures/fictional-tree';
import { spawnWatched, waitForOutput, type WatchedProcess } from '../e2e/support/app-server';
import { freePort } from '../support/deployment/ports';
import { copyProject } from '../support/project-copy';
import { buildPhases } from './archive-bench';
import { formatTable } from './format-table';
import { mb, runMeasured } from './process-tree';

const runFile = promisify(execFile);
const PROJECT_DIR = process.cwd();
const MONTHS = 240;
const DIST_DIR = '.next-publish';
/** Archive months far from the newest: past the prerendered ones with the default PRERENDER_MONTHS. */
const OLD_MONTH = '2006-03';
const ANOTHER_OLD_MONTH = '2009-07';

type Publish = {
  label: string;
  buildMs: number;
  nextMs: number;
  afterMs: number;
  peakRssKb: number;
  routes: number;
  /** next build's own phases (its trace), ms: compile, typescript, pageData, prerender. */
  phases: Record<string, number>;
  startMs: number;
  /** From the commit (the start of the build) until each was there for a reader. */
  pageMs: number;
  feedMs: number;
  mailMs: number;
  proof: { heading: string; feedTitle: string; mailSubject: string };
  visits: { oldFirstMs: number; oldKeptMs: number; anotherOldFirstMs: number; prerenderedMs: number };
};

/**
 * `npm run bench -- publish`: goal 2 of issue 18 by the way the issue allows for an archive whose
 * older months are rendered on request: from a new month committed to it being live, on the
 * fictional 50 × 240 tree with both editions (BENCH_PUBLISH_COUNTRIES to change the size). The
 * site is built and served once as it was; a reader subscribes to the first country and confirms;
 * then the editor's commit adds the country's next month (with its French text), and the clock
 * runs through `npm run build` (a new build folder, as a deploy's new release has: compiled cold),
 * the server's start on that build, until the month's page, its entry in the country's feed and
 * the reader's update mail are all there (polled every 100 ms). The baseline, in the same run: the
 * same commit published with every month prerendered (PRERENDER_MONTHS=0), from the same store.
 * Then what a reader pays for an old month: its first request (rendered), the next (kept), against
 * a prerendered page. One server, no nginx (which serves the prerendered files; see
 * docs/benchmarks.md).
 */
export async function publishBench(): Promise<void> {
  const countries = Number(process.env.BENCH_PUBLISH_COUNTRIES?.trim() || 50);
  if (!Number.isInteger(countries) || countries < 1 || countries > 73) throw new Error(`BENCH_PUBLISH_COUNTRIES=${process.env.BENCH_PUBLISH_COUNTRIES}: give a number of countries from 1 to 73`);
  const withBaseline = process.env.BENCH_PUBLISH_BASELINE !== '0';
  const work = await mkdtemp(path.join(tmpdir(), 'bench-publish-'));
  const project = await copyProject(PROJECT_DIR);
  const started = performance.now();
  const figures: Publish[] = [];
  let server: WatchedProcess | undefined;
  try {
    const contentDir = path.join(work, 'content');
    const site = await writeFictionalSite(contentDir, countries, MONTHS, undefined, BENCH_FRENCH_SHARE);
    const country = site.countries[0]!;
    await git(contentDir, 'init', '-q');
    await git(contentDir, 'add', '-A');
    await git(contentDir, 'commit', '-q', '-m', 'The archive');
    const port = await freePort();
    const siteUrl = `http://127.0.0.1:${port}`;
    const store = path.join(work, 'subscribers.db');
    const settings = (dbFile: string, mailDir: string, prerender: string) => ({
      ...process.env,
      NODE_ENV: 'production' as const,
      NEXT_TELEMETRY_DISABLED: '1',
      SITE_URL: siteUrl,
      CONTENT_DIR: contentDir,
      NEXT_DIST_DIR: DIST_DIR,
      DATABASE_URL: dbFile,
      MAIL_DIR: mailDir,
      PRERENDER_MONTHS: prerender,
      HOST: '127.0.0.1',
      PORT: String(port),
      SUBSCRIBE_RATE_LIMIT: '0',
    });

    // The site as it was, and a reader who follows the first country.
    const before = settings(store, path.join(work, 'mail-before'), '');
    await build(project.dir, before);
    server = await startServer(project.dir, before);
    const reader = `reader-${Date.now()}@example.org`;
    await subscribeAndConfirm(siteUrl, reader, country.slug, before.MAIL_DIR);
    await server.stop();
    server = undefined;
    const baselineStore = path.join(work, 'subscribers-baseline.db');
    await copyFile(store, baselineStore);

    // The editor's commit: the country's next month.
    const month = await writeFictionalMonth(contentDir, country, MONTHS, true);
    await git(contentDir, 'add', '-A');
    await git(contentDir, 'commit', '-q', '-m', `${country.name}, ${month}`);

    const runs = [{ label: 'older months on request (PRERENDER_MONTHS default, 12)', env: settings(store, path.join(work, 'mail'), '') }];
    if (withBaseline) runs.push({ label: 'every month prerendered (PRERENDER_MONTHS=0)', env: settings(baselineStore, path.join(work, 'mail-baseline'), '0') });
    for (const run of runs) {
      const published = await publish(project.dir, run.env, { country, month, reader, siteUrl });
      figures.push({ label: run.label, ...published });
    }
  } finally {
    await server?.stop();
    await project.remove();
    await rm(work, { recursive: true, force: true });
  }
  print(figures, countries, Math.round((performance.now() - started) / 60_000));
}

async function git(dir: string, ...args: string[]): Promise<void> {
  await runFile('git', ['-c', 'user.name=Bench editor', '-c', 'user.email=editor@example.org', ...args], { cwd: dir });
}

/** `npm run build` as it runs: next build, then the after-build step; a new build folder each time. */
async function build(projectDir: string, env: NodeJS.ProcessEnv) {
  await rm(path.join(projectDir, DIST_DIR), { recursive: true, force: true });
  const next = await runMeasured(process.execPath, [path.join(projectDir, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], { cwd: projectDir, env });
  if (next.code !== 0) throw new Error(`next build failed (${next.code}):\n${next.output.slice(-2_000)}`);
  const after = await runMeasured(process.execPath, ['--import', 'tsx', 'lib/build/after-next-build.ts'], { cwd: projectDir, env });
  if (after.code !== 0) throw new Error(`the after-build step failed (${after.code}):\n${after.output.slice(-2_000)}`);
  const manifest = JSON.parse(await readFile(path.join(projectDir, DIST_DIR, 'prerender-manifest.json'), 'utf8')) as { routes: Record<string, unknown> };
  return { nextMs: next.ms, afterMs: after.ms, peakRssKb: Math.max(next.peakTreeKb, after.peakTreeKb), routes: Object.keys(manifest.routes).length, phases: await buildPhases(path.join(projectDir, DIST_DIR)) };
}

async function startServer(projectDir: string, env: NodeJS.ProcessEnv): Promise<WatchedProcess> {
  const server = spawnWatched(process.execPath, ['lib/server/start-server.mjs'], { cwd: projectDir, env });
  await waitForOutput(server, 'Ready on', 120_000);
  return server;
}

async function subscribeAndConfirm(siteUrl: string, address: string, country: string, mailDir: string): Promise<void> {
  const form = (body: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: siteUrl }, body: new URLSearchParams(body), redirect: 'manual' as const });
  const subscribed = await fetch(`${siteUrl}/api/subscribe`, form({ email: address, country }));
  if (subscribed.status !== 303) throw new Error(`subscribing answered ${subscribed.status}`);
  const token = await until(60_000, 'the confirmation message', async () => {
    for (const mail of await mailsTo(mailDir, address)) {
      const found = /\/subscribe\/confirm\?token=([\w-]+)/.exec(mail.text ?? '')?.[1];
      if (found) return found;
    }
    return undefined;
  });
  const confirmed = await fetch(`${siteUrl}/api/subscriptions/confirm`, form({ token }));
  if (confirmed.status !== 303) throw new Error(`confirming answered ${confirmed.status}`);
}

async function mailsTo(mailDir: string, address: string) {
  const names = (await readdir(mailDir).catch(() => [] as string[])).filter((name) => name.endsWith('.eml'));
  const mails = await Promise.all(names.map(async (name) => simpleParser(await readFile(path.join(mailDir, name)))));
  return mails.filter((mail) => [mail.to ?? []].flat().some((to) => to.value.some((entry) => entry.address === address)));
}

async function until<T>(timeoutMs: number, what: string, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await check().catch(() => undefined);
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`${what} did not come within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function publish(projectDir: string, env: NodeJS.ProcessEnv & { MAIL_DIR: string }, what: { country: FictionalCountry; month: string; reader: string; siteUrl: string }) {
  const { country, month, reader, siteUrl } = what;
  await mkdir(env.MAIL_DIR, { recursive: true });
  const committed = performance.now();
  const since = () => performance.now() - committed;
  const built = await build(projectDir, env);
  const buildMs = since();
  const server = await startServer(projectDir, env);
  const startMs = since() - buildMs;
  try {
    const heading = `CrisisWatch ${country.name}: ${formatMonth(month)}`;
    const entryPath = `/${country.slug}/crisiswatch/${month}`;
    const html = { accept: 'text/html', 'accept-encoding': 'gzip, br' };
    const [page, feed, mail] = await Promise.all([
      until(120_000, 'the new month’s page', async () => {
        const response = await fetch(`${siteUrl}${entryPath}`, { headers: html });
        return response.ok && (await response.text()).includes(`<h1>${heading}</h1>`) ? { ms: since(), heading } : undefined;
      }),
      until(120_000, 'the feed entry', async () => {
        const body = await (await fetch(`${siteUrl}/${country.slug}/feed.xml`)).text();
        const item = body.split('<entry>').find((part) => part.includes(`${entryPath}"`));
        return item ? { ms: since(), title: /<title[^>]*>([^<]*)<\/title>/.exec(item)?.[1] ?? '' } : undefined;
      }),
      until(120_000, 'the update mail', async () => {
        const sent = (await mailsTo(env.MAIL_DIR, reader)).find((message) => message.subject?.includes(formatMonth(month)));
        return sent ? { ms: since(), subject: sent.subject ?? '' } : undefined;
      }),
    ]);
    const timed = async (pathname: string) => {
      const start = performance.now();
      const response = await fetch(`${siteUrl}${pathname}`, { headers: html });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${pathname} answered ${response.status}`);
      return performance.now() - start;
    };
    const oldPath = `/${country.slug}/crisiswatch/${OLD_MONTH}`;
    const visits = {
      oldFirstMs: await timed(oldPath),
      oldKeptMs: await timed(oldPath),
      // The first old month is also the first page this server renders at all (its modules load then).
      anotherOldFirstMs: await timed(`/${country.slug}/crisiswatch/${ANOTHER_OLD_MONTH}`),
      prerenderedMs: await timed(entryPath),
    };
    return {
      buildMs,
      nextMs: built.nextMs,
      afterMs: built.afterMs,
      peakRssKb: built.peakRssKb,
      routes: built.routes,
      phases: built.phases,
      startMs,
      pageMs: page.ms,
      feedMs: feed.ms,
      mailMs: mail.ms,
      proof: { heading: page.heading, feedTitle: feed.title, mailSubject: mail.subject },
      visits,
    };
  } finally {
    await server.stop();
  }
}

const s = (ms: number) => (ms / 1000).toFixed(1);

function print(figures: Publish[], countries: number, minutes: number): void {
  console.log(`Publish: a new month committed → live (its page, feed entry and update mail), ${countries} × ${MONTHS} fictional tree, both editions; ${minutes} min in all`);
  console.log(
    formatTable(
      ['run', 'prerendered routes', 'build s (next + after)', 'peak RSS build', 'server start s', 'page live s', 'feed live s', 'mail sent s', 'commit → all live s'],
      figures.map((figure) => [
        figure.label,
        figure.routes.toLocaleString('en'),
        `${s(figure.buildMs)} (${s(figure.nextMs)} + ${s(figure.afterMs)})`,
        mb(figure.peakRssKb),
        s(figure.startMs),
        s(figure.pageMs),
        s(figure.feedMs),
        s(figure.mailMs),
        s(Math.max(figure.pageMs, figure.feedMs, figure.mailMs)),
      ]),
    ),
  );
  for (const figure of figures) {
    const phase = (name: string) => (figure.phases[name] === undefined ? '?' : s(figure.phases[name]));
    console.log(`- ${figure.label}: next build's phases: compile ${phase('compile')} s, type check ${phase('typescript')} s, page data ${phase('pageData')} s, prerendering ${phase('prerender')} s`);
    console.log(`  page “${figure.proof.heading}”; feed entry “${figure.proof.feedTitle}”; mail “${figure.proof.mailSubject}”`);
    console.log(`  a reader's request (one server, Accept-Encoding: gzip, br): an old month (${OLD_MONTH}) first ${figure.visits.oldFirstMs.toFixed(1)} ms (the server's first render), again ${figure.visits.oldKeptMs.toFixed(1)} ms; another (${ANOTHER_OLD_MONTH}) first ${figure.visits.anotherOldFirstMs.toFixed(1)} ms; the new month (prerendered) ${figure.visits.prerenderedMs.toFixed(1)} ms`);
  }
}
