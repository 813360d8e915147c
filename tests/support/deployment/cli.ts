import path from 'node:path';
import { parseArgs } from 'node:util';
import { SETTING_NAMES } from '../../../lib/config/settings';
import { startLocalDeployment, type LocalDeploymentOptions } from './deployment';
import { onFirstSignal } from './stop-on-exit';

/**
 * `npm run deploy:local`: nginx in front of two app instances and a PostgreSQL of their own,
 * on this machine, until Ctrl-C (or SIGTERM) takes it all down and removes its folder.
 */
/** Settings the deployment sets for every instance itself. */
const OWNED = ['HOST', 'PORT', 'SITE_URL', 'DATABASE_URL', 'TRUST_PROXY', 'MAIL_DIR', 'NEXT_DIST_DIR'];

const USAGE = `Usage: npm run deploy:local -- [--instances 2] [--http-port 8080] [--https-port 8443] [--host 127.0.0.1] [--rate-limit N] [--dist-dir .next]
Each can also come from the environment: DEPLOY_INSTANCES, DEPLOY_HTTP_PORT, DEPLOY_HTTPS_PORT, DEPLOY_HOST.
App settings in the environment (SMTP_URL, SUBSCRIBE_RATE_LIMIT, OUTBOX_INTERVAL_MS…) reach every instance,
except those the deployment sets itself: ${OWNED.join(', ')}.`;

class UsageError extends Error {
  override name = 'UsageError';
}

function wholeNumber(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) throw new UsageError(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  return number;
}

function readOptions(argv: string[], env: NodeJS.ProcessEnv): LocalDeploymentOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      instances: { type: 'string' },
      'http-port': { type: 'string' },
      'https-port': { type: 'string' },
      host: { type: 'string' },
      'rate-limit': { type: 'string' },
      'dist-dir': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const passed = Object.fromEntries(
    SETTING_NAMES.filter((name) => !OWNED.includes(name) && env[name]?.trim()).map((name) => [name, env[name]!.trim()]),
  );
  const rateLimit = values['rate-limit'];
  return {
    instances: wholeNumber('--instances', values.instances ?? env.DEPLOY_INSTANCES, 2, 1, 16),
    httpPort: wholeNumber('--http-port', values['http-port'] ?? env.DEPLOY_HTTP_PORT, 8080, 1, 65_535),
    httpsPort: wholeNumber('--https-port', values['https-port'] ?? env.DEPLOY_HTTPS_PORT, 8443, 1, 65_535),
    host: values.host ?? env.DEPLOY_HOST ?? '127.0.0.1',
    ...(rateLimit === undefined ? {} : { rateLimit: wholeNumber('--rate-limit', rateLimit, 0, 0, 1_000_000) }),
    distDir: values['dist-dir'] ?? env.NEXT_DIST_DIR ?? '.next',
    env: passed,
  };
}

async function main(): Promise<void> {
  let options: LocalDeploymentOptions;
  try {
    options = readOptions(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(2);
  }
  const started = performance.now();
  console.log(`Starting PostgreSQL, ${options.instances} app instances and nginx…`);
  const starting = startLocalDeployment(options);
  let stopping = false;
  // Registered before start-up ends: a Ctrl-C while starting waits for it, then stops what started.
  onFirstSignal((signal) => {
    stopping = true;
    console.log(`\n${signal}: stopping nginx, then the app instances, then PostgreSQL…`);
    starting
      .then((deployment) => deployment.stop(), () => undefined)
      .then(
        () => {
          console.log('Stopped.');
          process.exit(0);
        },
        (error: unknown) => {
          console.error(`Stopping failed: ${error instanceof Error ? error.message : String(error)}`);
          process.exit(1);
        },
      );
  });
  // A start-up cut short by Ctrl-C (initdb gets the terminal's signal too) has cleaned up after itself.
  const deployment = await starting.catch((error: unknown) => {
    if (stopping) return undefined;
    throw error;
  });
  if (!deployment || stopping) return;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    [
      `Crisis Briefings is up (${seconds} s): nginx in front of ${deployment.instances.length} app instances and PostgreSQL.`,
      `  http          ${deployment.url}/mali`,
      `  https         ${deployment.httpsUrl}/mali   (self-signed certificate: the browser will warn)`,
      ...deployment.instances.map((instance) => `  app instance  ${instance.url}   pid ${instance.pid}`),
      `  nginx         pid ${deployment.nginx.pid}   config ${deployment.nginx.configFile}`,
      `  PostgreSQL    ${deployment.databaseUrl}`,
      `  logs          ${deployment.logDir} (app-<port>.log), ${path.dirname(deployment.nginx.accessLog)} (nginx), ${deployment.postgres.log}`,
      `  mail          ${deployment.mailDir} (messages as .eml files; confirmation links are also in the app logs)`,
      'Ctrl-C stops everything and removes that folder, logs included (twice: at once, without waiting).',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
