import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startLocalDeployment } from '../support/deployment/deployment';
import { BROTLI_STATIC_MODULE, nginxUnavailableReason, startNginx } from '../support/deployment/nginx-process';
import { freePort } from '../support/deployment/ports';
import { postgresUnavailableReason } from '../support/deployment/postgres-cluster';
import { eventually, startAppServer } from '../e2e/support/app-server';
import { COMPRESSED_SUFFIX } from '../../lib/server/compressed-files';
import { loadStaticRoutes } from '../../lib/server/static-routes';
import { trickle } from '../support/trickling-clients';
import { bytes, formatTable, ms, ratio } from './format-table';
import { load, loadTool, type Load } from './http-load';
import { median } from './stats';

const ROUNDS = 5;
const SECONDS = 5;
const CONNECTIONS = 50;
/** What every browser sends (over https; over plain http they leave out br), and nothing at all. */
const ENCODINGS: { name: string; headers: Record<string, string> }[] = [
  { name: 'gzip, br', headers: { 'Accept-Encoding': 'gzip, br' } },
  { name: '(none)', headers: {} },
];

/**
 * /mali at 50 connections through the deployment (nginx in front of two instances), against
 * nginx serving the very same page, precompressed, from plain files (the ceiling), and bare
 * `npm start` for reference; each with `Accept-Encoding: gzip, br` as browsers ask, and without.
 * Targets alternate within each round; each figure is the median of the rounds. Then the
 * deployment under 200 connections while one instance is killed, one hangs, or one client floods
 * nginx with connections: what readers saw.
 */
export async function deploymentBench(): Promise<void> {
  const missing = nginxUnavailableReason() ?? postgresUnavailableReason();
  if (missing) {
    console.log(`Deployment: skipped (${missing}).`);
    return;
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-deployment-'));
  const distDir = path.resolve('.next');
  const page = (await loadStaticRoutes(distDir)).routes['/mali'];
  if (!page) throw new Error('the build has no /mali: run `npm run build` first');
  const deployment = await startLocalDeployment({ instances: 2, fastDatabase: true });
  const bare = await startAppServer({ DATABASE_URL: path.join(dir, 'bare.db'), MAIL_DIR: path.join(dir, 'mail') });
  const fileServer = await startFileServer(dir, path.join(distDir, page.file));
  try {
    const servers = [
      { name: 'nginx serving /mali precompressed from files (baseline)', url: `${fileServer.url}/mali` },
      { name: 'deployment: nginx + 2 instances', url: `${deployment.url}/mali` },
      { name: 'bare npm start (one process)', url: `${bare.url}/mali` },
    ];
    const targets = servers.flatMap((server) => ENCODINGS.map((encoding) => ({ ...server, encoding, key: `${server.name} ${encoding.name}` })));
    const seen = new Map<string, Load[]>(targets.map((target) => [target.key, []]));
    for (let round = 0; round < ROUNDS; round += 1) {
      // Alternate the order, so no target always runs on a machine warmed (or tired) by another.
      const order = round % 2 === 0 ? targets : [...targets].reverse();
      for (const target of order) seen.get(target.key)?.push(await load(target.url, CONNECTIONS, SECONDS, target.encoding.headers));
    }
    const rateOf = (key: string) => median(seen.get(key)!.map((run) => run.requestsPerSecond));
    console.log(`/mali, ${CONNECTIONS} connections, ${SECONDS} s a run, median of ${ROUNDS} rounds, load from ${loadTool}; bytes: all a response takes on the wire (headers included)`);
    console.log(
      formatTable(
        ['server', 'Accept-Encoding', 'req/s', 'p99 ms', 'bytes/response', 'errors', 'req/s vs baseline'],
        targets.map((target) => {
          const runs = seen.get(target.key)!;
          const rate = rateOf(target.key);
          return [
            target.name,
            target.encoding.name,
            rate.toFixed(0),
            ms(median(runs.map((run) => run.p99))),
            bytes(Math.round(median(runs.map((run) => run.bytesPerResponse)))),
            String(runs.reduce((sum, run) => sum + run.errors, 0)),
            ratio(rate, rateOf(`${servers[0]!.name} ${target.encoding.name}`)),
          ];
        }),
      ),
    );
    console.log();
    await disturbedReaders(deployment);
  } finally {
    await fileServer.stop();
    await bare.stop();
    await deployment.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** What readers read: mostly prerendered pages (nginx's), one request in twenty-one a page the app renders. */
const READER_MIX = [
  ...Array.from({ length: 4 }, () => ['/mali', '/mali/crisiswatch', '/mali/crisiswatch/2023-02', '/', '/mali/feed.xml']).flat(),
  '/mali/crisiswatch/filter?verdict=unchanged',
].map((path) => ({ method: 'GET' as const, path }));
/** Readers arrive at this rate whatever the answers take (an open load): 5 % of it, the app-rendered page, is within what one instance renders. */
const READERS_PER_SECOND = 1_000;
/** More than every nginx worker used to have room for (1,024 each, one worker in this deployment). */
const FLOOD_CONNECTIONS = 1_100 * availableParallelism();

type Deployment = Awaited<ReturnType<typeof startLocalDeployment>>;
/** One disturbance of a 20 s run of the reader mix; resolves with extra figures to print, undoes itself in `after`. */
type Disturbance = { name: string; at: (deployment: Deployment) => Promise<string>; after?: (deployment: Deployment) => Promise<void> };

const DISTURBANCES: Disturbance[] = [
  { name: 'undisturbed (same run)', at: async () => '' },
  {
    name: 'one of two instances SIGKILLed at 5 s',
    at: async (deployment) => {
      await sleep(5_000);
      await deployment.instances[0]?.stop('SIGKILL');
      return '';
    },
    after: async (deployment) => deployment.instances[0]?.start(),
  },
  { name: 'one of two instances hung (SIGSTOP) at 5 s', at: hangOneInstance },
  {
    name: `one client holding ${FLOOD_CONNECTIONS.toLocaleString('en-GB')} trickling connections, reopened as closed`,
    at: async (deployment) => {
      const url = new URL(deployment.url);
      const flood = trickle(url.hostname, Number(url.port), { count: FLOOD_CONNECTIONS, from: '127.0.0.5', reopen: true });
      await sleep(19_000);
      const figures = `${flood.open.toLocaleString('en-GB')} open at the end, ${(flood.closedAnswered + flood.closedUnanswered).toLocaleString('en-GB')} closed by nginx`;
      flood.stop();
      return figures;
    },
  },
];

/**
 * SIGSTOP on an instance: it still accepts connections (its kernel does) and never answers. The
 * figures: when nginx put it out of rotation, from its error log's "temporarily disabled" line
 * (whole seconds: the log's resolution, and immune to this process being slow to look), and when
 * the watchdog had it running again.
 */
async function hangOneInstance(deployment: Deployment): Promise<string> {
  await sleep(5_000);
  const instance = deployment.instances[0]!;
  const pid = instance.pid!;
  const restartsBefore = instance.watchdogRestarts;
  const logStart = (await readFile(deployment.nginx.errorLog, 'utf8')).length;
  process.kill(pid, 'SIGSTOP');
  const stoppedAt = Date.now();
  let restarted: number | undefined;
  while (Date.now() - stoppedAt < 14_500 && restarted === undefined) {
    if (instance.watchdogRestarts > restartsBefore && instance.running && instance.pid !== pid) restarted = Date.now() - stoppedAt;
    await sleep(100);
  }
  if (instance.pid === pid) process.kill(pid, 'SIGCONT');
  const disabled = new RegExp(`^(\\d{4})/(\\d\\d)/(\\d\\d) (\\d\\d):(\\d\\d):(\\d\\d) \\[warn\\].*upstream server temporarily disabled.*upstream: "http://127\\.0\\.0\\.1:${instance.port}/`, 'm');
  const line = disabled.exec((await readFile(deployment.nginx.errorLog, 'utf8')).slice(logStart));
  // nginx writes local time; whole seconds against the second the instance was stopped in.
  const disabledAt = line ? new Date(Number(line[1]), Number(line[2]) - 1, Number(line[3]), Number(line[4]), Number(line[5]), Number(line[6])).getTime() : undefined;
  const outAfter = disabledAt === undefined ? 'not within the run' : `≈${Math.round((disabledAt - Math.floor(stoppedAt / 1000) * 1000) / 1000)} s (nginx's error log, whole seconds)`;
  const restartedAfter = restarted === undefined ? 'not within the run' : `${(restarted / 1000).toFixed(1)} s`;
  return `out of rotation after ${outAfter}, killed and started again by the watchdog after ${restartedAfter}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** 200 connections for 20 s of the reader mix, undisturbed, then with each disturbance. */
async function disturbedReaders(deployment: Deployment): Promise<void> {
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const disturbance of DISTURBANCES) {
    const figures = disturbance.at(deployment);
    const result = await autocannon({ url: deployment.url, connections: 200, duration: 20, overallRate: READERS_PER_SECOND, requests: READER_MIX });
    const note = await figures;
    await disturbance.after?.(deployment);
    // The next run starts with every instance serving (a watchdog restart may still be under way).
    await Promise.all(deployment.instances.map((instance) => instance.start()));
    await Promise.all(
      deployment.instances.map((instance) =>
        eventually(async () => (await fetch(`${instance.url}/api/health/ready`, { signal: AbortSignal.timeout(2_000) })).status === 200, 60_000, `${instance.url} is ready again`),
      ),
    );
    const failures = Object.entries(result.statusCodeStats ?? {})
      .filter(([status]) => !status.startsWith('2'))
      .map(([status, { count }]) => `${count ?? 0} × ${status}`);
    const said = [note, failures.length > 0 ? `non-2xx: ${failures.join(', ')}` : ''].filter(Boolean).join('; ');
    if (said) notes.push(`${disturbance.name}: ${said}`);
    rows.push([
      disturbance.name,
      String(result.requests.total),
      String(result.non2xx),
      String(result.errors),
      String(result.timeouts),
      String(result.non2xx + result.errors),
      ms(result.latency.p99),
    ]);
  }
  console.log(
    `200 connections for 20 s through the deployment at ${READERS_PER_SECOND} requests/s (autocannon, from 127.0.0.1): 20 in 21 prerendered (nginx), 1 in 21 the archive filter page (rendered by an instance, ≈80/s each when alone on these cores)`,
  );
  console.log(formatTable(['run', 'requests', 'non-2xx', 'socket errors', 'of which timeouts', 'errors seen by readers', 'p99 ms'], rows));
  for (const note of notes) console.log(note);
}

/**
 * nginx with one page at /mali and nothing else, its brotli and gzip copies beside it as the build
 * wrote them: how fast these cores can serve those bytes at all.
 */
async function startFileServer(dir: string, file: string) {
  const root = path.join(dir, 'file-root');
  const prefix = path.join(dir, 'file-nginx');
  await mkdir(root, { recursive: true });
  await mkdir(path.join(prefix, 'logs'), { recursive: true });
  await copyFile(file, path.join(root, 'mali'));
  for (const suffix of Object.values(COMPRESSED_SUFFIX)) await copyFile(`${file}${suffix}`, path.join(root, `mali${suffix}`));
  const port = await freePort();
  const config = path.join(prefix, 'nginx.conf');
  await writeFile(
    config,
    `${process.getuid?.() === 0 ? 'user root;\n' : ''}load_module ${BROTLI_STATIC_MODULE};
worker_processes auto;
pid ${path.join(prefix, 'nginx.pid')};
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 30s;
  open_file_cache max=100;
  client_body_temp_path ${prefix}/client; proxy_temp_path ${prefix}/proxy; fastcgi_temp_path ${prefix}/fastcgi; uwsgi_temp_path ${prefix}/uwsgi; scgi_temp_path ${prefix}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    location = /mali { default_type 'text/html; charset=utf-8'; brotli_static on; gzip_static on; gzip_vary on; }
  }
}
`,
  );
  const nginx = await startNginx(config, prefix);
  return { url: `http://127.0.0.1:${port}`, stop: () => nginx.stop() };
}
