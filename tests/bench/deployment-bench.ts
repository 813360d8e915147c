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
import { writeLocalNginxConfig } from '../support/deployment/nginx-config';
import { makeSelfSignedCertificate } from '../support/deployment/tls';
import { nginxCpu, nginxInstructionsPerRequest, valgrindUnavailableReason } from './nginx-cost';
import type { CpuSample } from './process-tree';
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
/** The key of one server's runs with one encoding. */
const runsKey = (server: { name: string }, encoding: { name: string }) => `${server.name} ${encoding.name}`;

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
      { name: 'nginx serving /mali precompressed from files (baseline)', url: `${fileServer.url}/mali`, nginxPid: fileServer.pid },
      { name: 'deployment: nginx + 2 instances', url: `${deployment.url}/mali`, nginxPid: deployment.nginx.pid },
      { name: 'bare npm start (one process)', url: `${bare.url}/mali`, nginxPid: undefined },
    ];
    const targets = servers.flatMap((server) => ENCODINGS.map((encoding) => ({ ...server, encoding, key: runsKey(server, encoding) })));
    const seen = new Map<string, Load[]>(targets.map((target) => [target.key, []]));
    // The CPU each nginx used over all rounds, to read the ratio by: where the time went.
    const nginxSeconds = new Map<string, CpuSample>();
    for (let round = 0; round < ROUNDS; round += 1) {
      // Alternate the order, so no target always runs on a machine warmed (or tired) by another.
      const order = round % 2 === 0 ? targets : [...targets].reverse();
      for (const target of order) {
        const run = () => load(target.url, CONNECTIONS, SECONDS, target.encoding.headers);
        const nginxPid = target.nginxPid;
        if (nginxPid === undefined) {
          seen.get(target.key)?.push(await run());
          continue;
        }
        const { result, cpu } = await nginxCpu(nginxPid, run);
        seen.get(target.key)?.push(result);
        const sum = nginxSeconds.get(target.key) ?? { user: 0, system: 0 };
        nginxSeconds.set(target.key, { user: sum.user + cpu.user, system: sum.system + cpu.system });
      }
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
            ratio(rate, rateOf(runsKey(servers[0]!, target.encoding))),
          ];
        }),
      ),
    );
    printRoundByRound(servers, seen);
    console.log();
    printWhereTheTimeWent(targets, seen, nginxSeconds);
    await instructionsPerRequest(dir, distDir, page.file, deployment);
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
 * wrote them: how fast these cores can serve those bytes at all. Its configuration under `prefix`.
 */
async function writeFileServerConfig(dir: string, file: string, prefix: string, port: number): Promise<string> {
  const root = path.join(dir, 'file-root');
  await mkdir(root, { recursive: true });
  await mkdir(path.join(prefix, 'logs'), { recursive: true });
  await copyFile(file, path.join(root, 'mali'));
  for (const suffix of Object.values(COMPRESSED_SUFFIX)) await copyFile(`${file}${suffix}`, path.join(root, `mali${suffix}`));
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
  return config;
}

async function startFileServer(dir: string, file: string) {
  const prefix = path.join(dir, 'file-nginx');
  const port = await freePort();
  const nginx = await startNginx(await writeFileServerConfig(dir, file, prefix, port), prefix);
  return { url: `http://127.0.0.1:${port}`, pid: nginx.pid, stop: () => nginx.stop() };
}

const perRequest = (seconds: number, requests: number) => `${((seconds * 1e6) / Math.max(1, requests)).toFixed(2)}`;

/**
 * Each round's ratio against the baseline run of the same round: the machine's drift from one
 * round to the next moves both alike, so the spread of these is what the ratio above can be read to.
 */
function printRoundByRound(servers: { name: string }[], seen: Map<string, Load[]>) {
  const [baseline, ...others] = servers;
  console.log('req/s against the baseline run of the same round, rounds in order (the median of these need not be the ratio of the medians above):');
  for (const encoding of ENCODINGS) {
    const baselineRuns = seen.get(runsKey(baseline!, encoding))!;
    for (const server of others) {
      const ratios = seen.get(runsKey(server, encoding))!.map((run, round) => run.requestsPerSecond / baselineRuns[round]!.requestsPerSecond);
      console.log(`  ${server.name}, ${encoding.name}, round by round: ${ratios.map((value) => ratio(value, 1)).join(' ')} (median ${ratio(median(ratios), 1)})`);
    }
  }
}

/**
 * The CPU each nginx and the load generator used a request, over all rounds: on two
 * shared cores, every microsecond one of them spends is one the other has not, so the req/s
 * ratio follows these sums (the machine's other work moves it too). Read from /proc (clock
 * ticks: a few percent).
 */
function printWhereTheTimeWent(targets: { key: string; name: string; encoding: { name: string }; nginxPid?: number }[], seen: Map<string, Load[]>, nginxSeconds: Map<string, CpuSample>) {
  const rows = targets
    .filter((target) => target.nginxPid !== undefined)
    .map((target) => {
      const cpu = nginxSeconds.get(target.key)!;
      const runs = seen.get(target.key)!;
      const requests = runs.reduce((sum, run) => sum + run.requests, 0);
      const tool = runs.reduce((sum, run) => sum + (run.toolCpu ? run.toolCpu.user + run.toolCpu.system : Number.NaN), 0);
      return [target.name, target.encoding.name, perRequest(cpu.user, requests), perRequest(cpu.system, requests), perRequest(cpu.user + cpu.system, requests), Number.isNaN(tool) ? '-' : perRequest(tool, requests)];
    });
  console.log(`CPU a request over the same runs, µs (nginx's processes from /proc; ${loadTool}'s own from its process)`);
  console.log(formatTable(['server', 'Accept-Encoding', 'nginx user', 'nginx system', 'nginx total', `${loadTool}`], rows));
  console.log();
}

/** Changes to the deployment's nginx files, to count what one of its features costs a request. */
type Without = { name: string; changes: { file: string; from: RegExp; to: string }[] };

/** Each feature the baseline does not have, taken out alone. */
const FEATURES: Without[] = [
  { name: 'the access log', changes: [{ file: 'crisis-briefings/site.conf', from: /^access_log .*;$/m, to: 'access_log off;' }] },
  { name: '`limit_conn` (connections per client)', changes: [{ file: 'crisis-briefings/site.conf', from: /^limit_conn .*;$/m, to: '' }] },
  {
    name: "the route's headers (Cache-Control and Vary written out, CSP from a map)",
    changes: [
      { file: 'crisis-briefings/prerendered.conf', from: /^add_header .*;$/gm, to: '' },
      { file: 'crisis-briefings/site.conf', from: /^ {2}add_header (Vary|Content-Security-Policy|Content-Disposition) .*;$/gm, to: '' },
    ],
  },
  { name: 'the five security headers on every answer', changes: [{ file: 'crisis-briefings/own-headers.conf', from: /^add_header .*;$/gm, to: '' }] },
  { name: '`sendfile off` (sendfile on, as the baseline)', changes: [{ file: 'nginx.conf', from: /^ {2}sendfile off;$/m, to: '  sendfile on;\n  tcp_nopush on;' }] },
];

/**
 * Instructions nginx executes a request (callgrind; exact and repeatable, where the rates above
 * move with the machine's other work) for the baseline's configuration and the deployment's
 * shipped one, both for /mali with `gzip, br`, and the shipped one without each feature the
 * baseline lacks, one at a time: what each costs. Each runs as a copy of its own on a port of its own.
 */
async function instructionsPerRequest(dir: string, distDir: string, pageFile: string, deployment: Deployment): Promise<void> {
  const file = path.join(distDir, pageFile);
  const unavailable = valgrindUnavailableReason();
  if (unavailable) {
    console.log(`Instructions a request: skipped (${unavailable}).`);
    return;
  }
  const headers = { 'Accept-Encoding': 'gzip, br' };
  const baseline = await nginxInstructionsPerRequest(
    async (port) => {
      const prefix = path.join(dir, 'callgrind-baseline');
      return { prefix, configFile: await writeFileServerConfig(dir, file, prefix, port) };
    },
    '/mali',
    headers,
  );
  const tls = await makeSelfSignedCertificate(path.join(dir, 'callgrind-tls'));
  const shippedWithout = (feature?: Without) =>
    nginxInstructionsPerRequest(
      async (port) => {
        const prefix = path.join(dir, feature ? `callgrind-without-${FEATURES.indexOf(feature) + 1}` : 'callgrind-deployment');
        const configFile = await writeLocalNginxConfig({
          prefix,
          distDir,
          upstreams: deployment.instances.map((instance) => new URL(instance.url).host),
          http: `127.0.0.1:${port}`,
          https: { listen: `127.0.0.1:${await freePort()}`, certificate: tls.certificate, key: tls.key },
        });
        for (const change of feature?.changes ?? []) {
          const changed = path.join(path.dirname(configFile), change.file);
          const text = await readFile(changed, 'utf8');
          // A feature the shipped files no longer have in this shape is a bench to update, not a figure.
          if (text.search(change.from) === -1) throw new Error(`deploy/nginx/${change.file} has no ${change.from}: update FEATURES in deployment-bench.ts`);
          await writeFile(changed, text.replace(change.from, change.to));
        }
        return { prefix, configFile };
      },
      '/mali',
      headers,
    );
  const shipped = await shippedWithout();
  const rows = [
    ['nginx serving /mali precompressed from files (baseline)', Math.round(baseline).toLocaleString('en-GB'), '', '1.00×'],
    ["the deployment's shipped configuration", Math.round(shipped).toLocaleString('en-GB'), '', ratio(shipped, baseline)],
  ];
  let accounted = 0;
  for (const feature of FEATURES) {
    const without = await shippedWithout(feature);
    accounted += shipped - without;
    rows.push([`  … without ${feature.name}`, Math.round(without).toLocaleString('en-GB'), Math.round(shipped - without).toLocaleString('en-GB'), ratio(without, baseline)]);
  }
  rows.push(['  the rest: routing (the maps and the internal rewrite to the file)', '', Math.round(shipped - baseline - accounted).toLocaleString('en-GB'), '']);
  console.log('Instructions nginx executes a request (callgrind, user space, the kernel not counted; /mali, gzip, br, one kept-alive connection; the same in every run of the same build and configuration)');
  console.log(formatTable(['nginx', 'instructions a request', 'the feature costs', 'vs baseline'], rows));
}
