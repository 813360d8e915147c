import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { simpleParser, type ParsedMail } from 'mailparser';
import { rawHeader } from '../mail-headers';
import { eventually, freePort, ROOT, startAppServer, type AppServer } from './support/app-server';

const run = promisify(execFile);

/**
 * What the README promises an operator, end to end, on a site of its own built from a fictional
 * country: subscribe and confirm, add a month file, rebuild and restart, and exactly one update
 * message is written; another restart sends nothing more. Two real `npm run build`s, so it runs
 * once (JavaScript on) and takes a few minutes.
 */
test.describe.configure({ mode: 'serial' });
test.setTimeout(600_000);

const DIST_DIR = '.next-updates';
const NEW_ENTRY = '2024-06';

test('a new month reaches its confirmed subscriber once, after a rebuild and restart, and never again', async ({ browserName }) => {
  test.skip(test.info().project.name !== 'javascript' || browserName !== 'chromium', 'one run is enough: it builds the site twice');
  const dir = await mkdtemp(path.join(tmpdir(), 'update-mail-'));
  const contentDir = path.join(dir, 'content');
  const mailDir = path.join(dir, 'mail');
  const port = await freePort();
  const siteUrl = `http://127.0.0.1:${port}`;
  const env = {
    SITE_URL: siteUrl,
    CONTENT_DIR: contentDir,
    NEXT_DIST_DIR: DIST_DIR,
    DATABASE_URL: path.join(dir, 'subscribers.db'),
    MAIL_DIR: mailDir,
    OUTBOX_INTERVAL_MS: '300',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  const build = () => run('npm', ['run', 'build'], { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  let server: AppServer | undefined;
  try {
    // Freedonia (fictional) with two months; the third is added later, as an editor would.
    await cp(path.join(ROOT, 'tests/fixtures/valid/freedonia'), path.join(contentDir, 'freedonia'), { recursive: true });
    await rm(path.join(contentDir, 'freedonia/crisiswatch', `${NEW_ENTRY}.md`));
    await build();
    server = await startAppServer(env, port);

    const address = `reader-${Date.now()}@example.org`;
    const subscribed = await fetch(`${siteUrl}/api/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: siteUrl },
      body: new URLSearchParams({ email: address, country: 'freedonia' }),
      redirect: 'manual',
    });
    expect(subscribed.status).toBe(303);
    let confirmation: ParsedMail | undefined;
    await eventually(async () => (confirmation = (await messages(mailDir)).find((mail) => mail.subject?.startsWith('Confirm'))) !== undefined, 15_000, 'the confirmation message');
    const token = /\/subscribe\/confirm\?token=([\w-]+)/.exec(confirmation!.text ?? '')![1]!;
    const confirmed = await fetch(`${siteUrl}/api/subscriptions/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: siteUrl },
      body: new URLSearchParams({ token }),
      redirect: 'manual',
    });
    // The page it leads to names the countries the address now receives.
    expect(confirmed.headers.get('location')).toBe('/subscribe?result=confirmed&country=freedonia');
    await server.stop();

    // The editor adds June; the site is rebuilt and restarted.
    await cp(path.join(ROOT, 'tests/fixtures/valid/freedonia/crisiswatch', `${NEW_ENTRY}.md`), path.join(contentDir, 'freedonia/crisiswatch', `${NEW_ENTRY}.md`));
    await build();
    server = await startAppServer(env, port);
    let updates: ParsedMail[] = [];
    await eventually(async () => (updates = await updateMessages(mailDir)).length > 0, 20_000, 'the update message');
    expect(updates).toHaveLength(1);
    const [update] = updates;
    expect(update!.subject).toBe('Freedonia, June 2024: Unchanged Situation');
    expect([update!.to].flat()[0]?.text).toBe(address);
    expect(rawHeader(update!, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    // Its link leads to the page the new build published.
    const entryUrl = /(http:\/\/\S+\/freedonia\/crisiswatch\/2024-06)/.exec(update!.text ?? '')![1]!;
    expect((await fetch(entryUrl)).status).toBe(200);
    expect(server.output()).toContain('updates: announced freedonia/2024-06; 1 messages queued');
    await server.stop();

    // Restarted again (a redeploy of the same build): nothing more is sent.
    server = await startAppServer(env, port);
    await eventually(async () => (await fetch(`${siteUrl}/api/health/ready`)).ok, 10_000, 'the server ready');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await updateMessages(mailDir)).toHaveLength(1);
    const status = await run(path.join(ROOT, 'node_modules/.bin/tsx'), ['lib/cli/updates.ts', 'status'], { cwd: ROOT, env: { ...process.env, ...env } });
    expect(status.stdout).toMatch(/freedonia\/2024-06\s+enqueued\s+0\s+0\s+1\s+0\s+0/);
    expect(status.stdout).toContain('2 entries were already published when update mail began');
  } finally {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
    await rm(path.join(ROOT, DIST_DIR), { recursive: true, force: true });
  }
});

async function messages(mailDir: string): Promise<ParsedMail[]> {
  const names = (await readdir(mailDir).catch(() => [])).filter((name) => name.endsWith('.eml'));
  return Promise.all(names.map(async (name) => simpleParser(await readFile(path.join(mailDir, name)))));
}

async function updateMessages(mailDir: string): Promise<ParsedMail[]> {
  return (await messages(mailDir)).filter((mail) => !mail.subject?.startsWith('Confirm'));
}
