import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startLocalDeployment } from '../support/deployment/deployment';
import { startNginx, nginxUnavailableReason } from '../support/deployment/nginx-process';
import { freePort } from '../support/deployment/ports';
import { postgresUnavailableReason } from '../support/deployment/postgres-cluster';
import { startAppServer } from '../e2e/support/app-server';
import { formatTable, ms, ratio } from './format-table';
import { load, loadTool, type Load } from './http-load';
import { median } from './stats';

const ROUNDS = 5;
const SECONDS = 5;
const CONNECTIONS = 50;

/**
 * /mali at 50 connections through the deployment (nginx in front of two instances), against
 * nginx serving the very same bytes from a plain file (the ceiling), and bare `npm start` for
 * reference. Targets alternate within each round; each figure is the median of the rounds.
 * Then the deployment under 200 connections while one instance is killed: what readers saw.
 */
export async function deploymentBench(): Promise<void> {
  const missing = nginxUnavailableReason() ?? postgresUnavailableReason();
  if (missing) {
    console.log(`Deployment: skipped (${missing}).`);
    return;
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-deployment-'));
  const deployment = await startLocalDeployment({ instances: 2, fastDatabase: true });
  const bare = await startAppServer({ DATABASE_URL: path.join(dir, 'bare.db'), MAIL_DIR: path.join(dir, 'mail') });
  const fileServer = await startFileServer(dir, path.join('.next', 'server', 'app', 'mali.html'));
  try {
    const targets = [
      { name: 'nginx serving mali.html from a file (baseline)', url: `${fileServer.url}/mali` },
      { name: 'deployment: nginx + 2 instances', url: `${deployment.url}/mali` },
      { name: 'bare npm start (one process)', url: `${bare.url}/mali` },
    ];
    const seen = new Map<string, Load[]>(targets.map((target) => [target.name, []]));
    for (let round = 0; round < ROUNDS; round += 1) {
      // Alternate the order, so no target always runs on a machine warmed (or tired) by another.
      const order = round % 2 === 0 ? targets : [...targets].reverse();
      for (const target of order) seen.get(target.name)?.push(await load(target.url, CONNECTIONS, SECONDS));
    }
    const baseline = median(seen.get(targets[0]!.name)!.map((run) => run.requestsPerSecond));
    console.log(`/mali, ${CONNECTIONS} connections, ${SECONDS} s a run, median of ${ROUNDS} rounds, load from ${loadTool}`);
    console.log(
      formatTable(
        ['server', 'req/s', 'p99 ms', 'errors', 'req/s vs file'],
        targets.map((target) => {
          const runs = seen.get(target.name)!;
          const rate = median(runs.map((run) => run.requestsPerSecond));
          return [target.name, rate.toFixed(0), ms(median(runs.map((run) => run.p99))), String(runs.reduce((sum, run) => sum + run.errors, 0)), ratio(rate, baseline)];
        }),
      ),
    );
    console.log();
    await killUnderLoad(deployment);
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

/** 200 connections for 20 s of the reader mix, once undisturbed and once with an instance SIGKILLed at 5 s. */
async function killUnderLoad(deployment: Awaited<ReturnType<typeof startLocalDeployment>>): Promise<void> {
  const rows: string[][] = [];
  for (const kill of [false, true]) {
    const [victim] = deployment.instances;
    const killer = kill ? setTimeout(() => void victim?.stop('SIGKILL'), 5_000) : undefined;
    const result = await autocannon({ url: deployment.url, connections: 200, duration: 20, overallRate: READERS_PER_SECOND, requests: READER_MIX });
    clearTimeout(killer);
    if (kill) await victim?.start();
    rows.push([
      kill ? 'one of two instances SIGKILLed at 5 s' : 'undisturbed (same run)',
      String(result.requests.total),
      String(result.non2xx),
      String(result.errors),
      String(result.timeouts),
      String(result.non2xx + result.errors),
      ms(result.latency.p99),
    ]);
  }
  console.log(
    `200 connections for 20 s through the deployment at ${READERS_PER_SECOND} requests/s (autocannon): 20 in 21 prerendered (nginx), 1 in 21 the archive filter page (rendered by an instance, ≈80/s each when alone on these cores)`,
  );
  console.log(formatTable(['run', 'requests', 'non-2xx', 'socket errors', 'of which timeouts', 'errors seen by readers', 'p99 ms'], rows));
}

/** nginx with one file at /mali and nothing else: how fast these cores can serve those bytes at all. */
async function startFileServer(dir: string, file: string) {
  const root = path.join(dir, 'file-root');
  const prefix = path.join(dir, 'file-nginx');
  await mkdir(root, { recursive: true });
  await mkdir(path.join(prefix, 'logs'), { recursive: true });
  await copyFile(file, path.join(root, 'mali'));
  const port = await freePort();
  const config = path.join(prefix, 'nginx.conf');
  await writeFile(
    config,
    `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes auto;
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
    location = /mali { default_type 'text/html; charset=utf-8'; }
  }
}
`,
  );
  const nginx = await startNginx(config, prefix);
  return { url: `http://127.0.0.1:${port}`, stop: () => nginx.stop() };
}
