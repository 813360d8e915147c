import { existsSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SETTING_NAMES } from '../../../lib/config/settings';
import { SERVER_BUNDLE } from '../../../lib/server/server-bundle';
import { loadStaticRoutes } from '../../../lib/server/static-routes';
import { createAppInstance, REPO_ROOT, type AppInstance } from './app-instance';
import { writeLocalNginxConfig } from './nginx-config';
import { startNginx, type NginxProcess } from './nginx-process';
import { assertPortFree, freePort } from './ports';
import { startPostgresCluster, type PostgresCluster } from './postgres-cluster';
import { onProcessExit } from './stop-on-exit';
import { makeSelfSignedCertificate } from './tls';

export interface LocalDeploymentOptions {
  /** App instances behind nginx (default 2). */
  instances?: number;
  /** nginx's ports (default: free ones). */
  httpPort?: number;
  httpsPort?: number;
  /** The address nginx listens on (default 127.0.0.1); instances always listen on 127.0.0.1. */
  host?: string;
  /** SUBSCRIBE_RATE_LIMIT of every instance (default: the app's). */
  rateLimit?: number;
  /** The production build (default .next). */
  distDir?: string;
  /** A PostgreSQL without fsync, for tests that do not test durability (default: durable). */
  fastDatabase?: boolean;
  /** How long nginx skips an instance that failed (default 10 s). */
  failTimeoutSeconds?: number;
  /** More settings for every instance (OUTBOX_INTERVAL_MS, SMTP_URL…). */
  env?: Record<string, string>;
  /** Where the deployment's temporary folder is made (default: the OS temp folder). */
  parentDir?: string;
}

export interface LocalDeployment {
  /** nginx, plain http: the address readers use (the instances' SITE_URL). */
  readonly url: string;
  /** nginx over TLS with a throwaway self-signed certificate. */
  readonly httpsUrl: string;
  readonly databaseUrl: string;
  /** The temporary folder: logs/, mail/, nginx/, tls/. Removed by stop(). */
  readonly dir: string;
  readonly logDir: string;
  readonly mailDir: string;
  readonly instances: readonly AppInstance[];
  readonly nginx: { readonly pid: number; readonly configFile: string; readonly accessLog: string; readonly errorLog: string };
  readonly postgres: { readonly port: number; readonly log: string };
  /** Stops every app instance (SIGTERM by default; SIGKILL for "they all crashed"). nginx and PostgreSQL stay up. */
  stopAll(signal?: NodeJS.Signals): Promise<void>;
  /** Starts every stopped instance again on its port. */
  startAll(): Promise<void>;
  /** Takes everything down in order (nginx, instances, PostgreSQL) and removes the folder; safe to call twice. */
  stop(): Promise<void>;
}

export class LocalDeploymentError extends Error {
  override name = 'LocalDeploymentError';
}

const DATABASE = 'crisis_briefings';
/** WatchdogSec= of deploy/systemd/crisis-briefings@.service. */
const WATCHDOG_MS = 10_000;

async function checkBuild(distDir: string) {
  const shown = path.relative(process.cwd(), distDir) || '.';
  if (!existsSync(path.join(distDir, SERVER_BUNDLE))) {
    throw new LocalDeploymentError(`No production build in ${shown}: ${path.join(shown, SERVER_BUNDLE)} is missing. Run \`npm run build\` first.`);
  }
  return loadStaticRoutes(distDir);
}

/** The instances' environment: this process's, less any app setting from the caller's shell (a real SMTP_URL…). */
function instanceEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([name]) => !(SETTING_NAMES as string[]).includes(name));
  return { ...Object.fromEntries(inherited), NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...settings };
}

/**
 * The whole topology on this machine: PostgreSQL of its own, N app instances on 127.0.0.1 sharing
 * it, and nginx in front serving the build and proxying the rest, as its own process. Nothing
 * is left running if this process crashes or is interrupted (short of SIGKILL).
 */
export async function startLocalDeployment(options: LocalDeploymentOptions = {}): Promise<LocalDeployment> {
  const distDir = path.resolve(REPO_ROOT, options.distDir ?? '.next');
  await checkBuild(distDir);
  const host = options.host ?? '127.0.0.1';
  const [httpPort, httpsPort] = await Promise.all(
    [options.httpPort, options.httpsPort].map(async (port) => (port === undefined ? freePort(host) : (await assertPortFree(port, host), port))),
  );
  const publicHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const url = `http://${publicHost}:${httpPort}`;
  const httpsUrl = `https://${publicHost}:${httpsPort}`;

  const dir = await mkdtemp(path.join(options.parentDir ?? tmpdir(), 'crisis-briefings-deploy-'));
  const logDir = path.join(dir, 'logs');
  const mailDir = path.join(dir, 'mail');
  const prefix = path.join(dir, 'nginx');
  await Promise.all([logDir, mailDir, path.join(prefix, 'logs'), path.join(prefix, 'temp'), path.join(dir, 'tls')].map((folder) => mkdir(folder, { recursive: true })));

  let cluster: PostgresCluster | undefined;
  let nginx: NginxProcess | undefined;
  const instances: AppInstance[] = [];
  const forgetOnExit = onProcessExit(() => {
    nginx?.stopNow();
    for (const instance of instances) instance.stopNow();
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  });

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      await nginx?.stop();
      await Promise.all(instances.map((instance) => instance.stop('SIGTERM')));
      for (const instance of instances) instance.close();
      await cluster?.stop('fast').catch(() => undefined);
      await cluster?.destroy();
      forgetOnExit();
      await rm(dir, { recursive: true, force: true, maxRetries: 3 });
    })());

  try {
    const [startedCluster, tls] = await Promise.all([startPostgresCluster({ fast: options.fastDatabase ?? false }), makeSelfSignedCertificate(path.join(dir, 'tls'), [publicHost, 'localhost', '127.0.0.1'])]);
    cluster = startedCluster;
    const databaseUrl = await cluster.createDatabase(DATABASE);
    const ports = await uniqueFreePorts(options.instances ?? 2, [httpPort!, httpsPort!, cluster.port]);
    const settings = {
      HOST: '127.0.0.1',
      SITE_URL: url,
      NEXT_DIST_DIR: path.relative(REPO_ROOT, distDir) || '.',
      DATABASE_URL: databaseUrl,
      TRUST_PROXY: '1',
      MAIL_DIR: mailDir,
      ...(options.rateLimit === undefined ? {} : { SUBSCRIBE_RATE_LIMIT: String(options.rateLimit) }),
      ...options.env,
    };
    for (const port of ports) {
      instances.push(
        createAppInstance({
          port,
          env: instanceEnv({ ...settings, PORT: String(port) }),
          logFile: path.join(logDir, `app-${port}.log`),
          watchdog: { socketPath: path.join(dir, `notify-${port}`), periodMs: WATCHDOG_MS },
        }),
      );
    }
    await Promise.all(instances.map((instance) => instance.start()));

    const configFile = await writeLocalNginxConfig({
      prefix,
      distDir,
      upstreams: ports.map((port) => `127.0.0.1:${port}`),
      http: `${host}:${httpPort}`,
      https: { listen: `${host}:${httpsPort}`, certificate: tls.certificate, key: tls.key },
      failTimeoutSeconds: options.failTimeoutSeconds,
    });
    nginx = await startNginx(configFile, prefix);
    await waitForNginx(url);

    const { pid } = nginx;
    const postgresLog = path.join(cluster.dir, 'postgres.log');
    return {
      url,
      httpsUrl,
      databaseUrl,
      dir,
      logDir,
      mailDir,
      instances,
      nginx: { pid, configFile, accessLog: path.join(prefix, 'logs', 'crisis-briefings.access.log'), errorLog: path.join(prefix, 'logs', 'error.log') },
      postgres: { port: cluster.port, log: postgresLog },
      stopAll: async (signal = 'SIGTERM') => void (await Promise.all(instances.map((instance) => instance.stop(signal)))),
      startAll: async () => void (await Promise.all(instances.map((instance) => instance.start()))),
      stop,
    };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

async function uniqueFreePorts(count: number, taken: number[]): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = await freePort();
    if (!taken.includes(port) && !ports.includes(port)) ports.push(port);
  }
  return ports;
}

/** nginx answers, and reaches an instance: readiness through it is 200. */
async function waitForNginx(url: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const status = await fetch(`${url}/api/health/ready`, { signal: AbortSignal.timeout(2_000) })
      .then(async (response) => (await response.arrayBuffer(), response.status))
      .catch(() => 0);
    if (status === 200) return;
    if (Date.now() > deadline) throw new LocalDeploymentError(`nginx at ${url} did not pass requests to the app within 10 s (last answer: ${status || 'none'})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
