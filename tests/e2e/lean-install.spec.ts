import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from './support/test';
import pg from 'pg';
import { copyProject, type ProjectCopy } from '../support/project-copy';
import { eventually, freePort, ROOT, spawnWatched, waitForOutput } from './support/app-server';

/**
 * What a server runs, from a production install: the build the browser tests made (.next),
 * copied with the project, then `npm prune --omit=dev` (no tsx, TypeScript, Playwright's test
 * runner as a dependency of ours, Vitest…). Each command an operator or a systemd unit runs must
 * work there: the server, the migration, the export, the update status and the outbox worker.
 */
const run = promisify(execFile);
const POSTGRES_URL = process.env.TEST_DATABASE_URL;

type Finished = { code: number; output: string };

/**
 * The environment of a server's shell: this one without any node_modules/.bin on PATH. The test
 * runs under npx or npm run, which put the development install's .bin (tsx among it) there, and a
 * command would find tsx through it however pruned the copy is.
 */
function serverEnvironment(settings: Record<string, string>): NodeJS.ProcessEnv {
  const PATH = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((entry) => !/node_modules[\\/]\.bin[\\/]?$/.test(entry))
    .join(path.delimiter);
  return { ...process.env, PATH, NODE_ENV: 'production', ...settings };
}

/** `npm run …` in the copy, to its end; never throws on a failing command (its code and output are the result). */
async function npm(dir: string, args: string[], env: NodeJS.ProcessEnv): Promise<Finished> {
  try {
    const { stdout, stderr } = await run('npm', args, { cwd: dir, env, timeout: 60_000 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number | string; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

/** Whether a message to `email` is in the mail folder (each is an .eml file naming its recipient). */
async function mailFor(mailDir: string, email: string): Promise<boolean> {
  for (const file of await readdir(mailDir)) if ((await readFile(path.join(mailDir, file), 'utf8')).includes(email)) return true;
  return false;
}

test.describe('A lean production install (npm prune --omit=dev after the build)', () => {
  test.describe.configure({ mode: 'serial' });
  let copy: ProjectCopy | undefined;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    copy = await copyProject(ROOT, { build: '.next' });
    await run('npm', ['prune', '--omit=dev', '--offline', '--no-audit', '--no-fund'], { cwd: copy.dir, timeout: 120_000 });
  });
  test.afterAll(async () => copy?.remove());

  test('the server, the migration, the export, the update status and the outbox worker run without the development tools', async () => {
    test.setTimeout(180_000);
    const dir = copy!.dir;
    // What makes this a lean install: without it the test would prove nothing.
    expect(existsSync(path.join(dir, 'node_modules/tsx')), 'tsx is pruned').toBe(false);
    expect(existsSync(path.join(dir, 'node_modules/typescript')), 'typescript is pruned').toBe(false);

    const port = await freePort();
    const mailDir = path.join(dir, 'data/mail');
    const env = serverEnvironment({
      NEXT_TELEMETRY_DISABLED: '1',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: path.join(dir, 'data/subscribers.db'),
      MAIL_DIR: mailDir,
      OUTBOX_SENDER: 'worker',
      SUBSCRIBE_RATE_LIMIT: '0',
      OUTBOX_INTERVAL_MS: '500',
    });

    const migrated = await npm(dir, ['run', 'db:migrate'], env);
    expect(migrated, migrated.output).toMatchObject({ code: 0, output: expect.stringMatching(/Applied: /) });

    const server = spawnWatched('npm', ['start'], { cwd: dir, env, group: true });
    const worker = spawnWatched('npm', ['run', 'outbox:worker'], { cwd: dir, env, group: true });
    try {
      await waitForOutput(server, 'Ready on', 60_000);
      const page = await fetch(`http://127.0.0.1:${port}/mali`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Mali');
      await waitForOutput(worker, 'Outbox worker sending every', 30_000);
      // The server only queues mail (OUTBOX_SENDER=worker); the worker sends it, and goes on
      // sending: the second subscription comes after it has sent the first.
      for (const email of ['first@example.org', 'later@example.org']) {
        const subscribed = await fetch(`http://127.0.0.1:${port}/api/subscribe`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ email, country: ['mali'] }),
        });
        expect(subscribed.status, await subscribed.text()).toBe(202);
        await eventually(() => mailFor(mailDir, email), 60_000, `the outbox worker writes ${email}'s confirmation to ${mailDir}`).catch((error: Error) => {
          throw new Error(`${error.message}; the worker ${worker.child.exitCode === null ? 'runs' : `exited with code ${worker.child.exitCode}`} and printed:\n${worker.output()}`);
        });
      }
    } finally {
      await Promise.all([server.stop(), worker.stop()]);
    }
    // Both stop as their systemd units stop them: what was under way is finished first.
    expect(server.output()).toContain('SIGTERM: stopped');
    expect(worker.output()).toContain('SIGTERM: finishing the message under way');

    const exported = await npm(dir, ['run', 'subscribers', '--', 'export'], env);
    expect(exported, exported.output).toMatchObject({ code: 0, output: expect.stringContaining('email,countries,confirmed_at,undeliverable_at') });
    const status = await npm(dir, ['run', 'updates', '--', 'status'], env);
    expect(status, status.output).toMatchObject({ code: 0, output: expect.stringMatching(/entries were already published when update mail began/) });
  });

  test('the commands an operator runs against PostgreSQL work there too', async () => {
    test.skip(!POSTGRES_URL, 'PostgreSQL SKIPPED: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run it');
    test.setTimeout(120_000);
    // A database of its own on the shared server, dropped afterwards.
    const name = `lean_install_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    try {
      await admin.query(`create database ${name}`);
      const url = new URL(POSTGRES_URL!);
      url.pathname = `/${name}`;
      const env = serverEnvironment({ DATABASE_URL: url.toString() });
      for (const [args, expected] of [
        [['run', 'db:migrate'], /Applied: /],
        [['run', 'subscribers', '--', 'export'], /email,countries,confirmed_at,undeliverable_at/],
        [['run', 'updates', '--', 'status'], /entries were already published when update mail began/],
      ] as const) {
        const finished = await npm(copy!.dir, [...args], env);
        expect(finished, `npm ${args.join(' ')}:\n${finished.output}`).toMatchObject({ code: 0, output: expect.stringMatching(expected) });
      }
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
