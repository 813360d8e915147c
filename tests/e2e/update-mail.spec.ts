import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from './support/test';
import { simpleParser, type ParsedMail } from 'mailparser';
import { writeFreedoniaInFrench } from '../fixtures/freedonia-in-french';
import { rawHeader } from '../mail-headers';
import { eventually, freePort, ROOT, startAppServer, type AppServer } from './support/app-server';

const run = promisify(execFile);

/**
 * What the README promises an operator, end to end, on a site of its own built from a fictional
 * country: subscribe and confirm, add a month file, rebuild and restart, and exactly one update
 * message is written; another restart sends nothing more. And a francophone reader's path on the
 * same builds: subscribe from the French page, confirm from the French mail, receive the new
 * month in French, change the language on the preferences page and leave in one click, every
 * word French. Two real `npm run build`s, so it runs once (JavaScript on) and takes a few minutes.
 */
test.describe.configure({ mode: 'serial' });
test.setTimeout(600_000);

const DIST_DIR = '.next-updates';
const NEW_ENTRY = '2024-06';

test('a new month reaches its confirmed subscribers once, each in their language, after a rebuild and restart, and never again', async ({ browserName, page }) => {
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
    // Freedonia (fictional) with two months and its profile in French; the third month, and its
    // French text, are added later, as an editor would.
    await cp(path.join(ROOT, 'tests/fixtures/valid/freedonia'), path.join(contentDir, 'freedonia'), { recursive: true });
    await rm(path.join(contentDir, 'freedonia/crisiswatch', `${NEW_ENTRY}.md`));
    await writeFreedoniaInFrench(path.join(contentDir, 'freedonia'), ['profile']);
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

    // A francophone reader subscribes from the French page and confirms from the French mail.
    const lecteur = `lecteur-${Date.now()}@example.org`;
    await page.goto(`${siteUrl}/fr/freedonia`);
    await page.getByLabel('Adresse e-mail').fill(lecteur);
    await page.getByRole('button', { name: 'S’abonner' }).click();
    let confirmationFr: ParsedMail | undefined;
    await eventually(async () => (confirmationFr = (await messages(mailDir)).find((mail) => recipientOf(mail) === lecteur)) !== undefined, 15_000, 'the French confirmation');
    expect(confirmationFr!.subject).toMatch(/^Confirmez votre abonnement/);
    await page.goto(/(http:\/\/\S+\/fr\/subscribe\/confirm\?token=[\w-]+)/.exec(confirmationFr!.text ?? '')![1]!);
    await expectFrenchPage(page);
    await page.getByRole('button', { name: 'Confirmer mon abonnement' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vous êtes abonné');
    await expectFrenchPage(page);
    await server.stop();

    // The editor adds June and its French text; the site is rebuilt and restarted.
    await cp(path.join(ROOT, 'tests/fixtures/valid/freedonia/crisiswatch', `${NEW_ENTRY}.md`), path.join(contentDir, 'freedonia/crisiswatch', `${NEW_ENTRY}.md`));
    await writeFreedoniaInFrench(path.join(contentDir, 'freedonia'), ['june']);
    await build();
    server = await startAppServer(env, port);
    let updates: ParsedMail[] = [];
    await eventually(async () => (updates = await updateMessages(mailDir)).length >= 2, 20_000, 'the update messages');
    expect(updates).toHaveLength(2);
    const update = updates.find((mail) => recipientOf(mail) === address);
    const miseAJour = updates.find((mail) => recipientOf(mail) === lecteur);
    expect(update!.subject).toBe('Freedonia, June 2024: Unchanged Situation');
    expect([update!.to].flat()[0]?.text).toBe(address);
    expect(rawHeader(update!, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    // Its link leads to the page the new build published.
    const entryUrl = /(http:\/\/\S+\/freedonia\/crisiswatch\/2024-06)/.exec(update!.text ?? '')![1]!;
    expect((await fetch(entryUrl)).status).toBe(200);
    expect(server.output()).toContain('updates: announced freedonia/2024-06, freedonia/2024-06@fr; 2 messages queued');

    // The French reader's message: in French, the French text, links to the French pages.
    expect(miseAJour!.subject).toBe('Freedonie, juin 2024\u00a0: Situation inchangée');
    expect(miseAJour!.text).toContain('Le gouvernement fictif de ce pays de test a tenu des pourparlers en juin 2024.');
    expect(miseAJour!.html).toContain('<html lang="fr">');
    const oneClick = /^<(.+)>$/.exec(rawHeader(miseAJour!, 'List-Unsubscribe') ?? '')![1]!;
    expect(new URL(oneClick).pathname).toBe('/fr/unsubscribe');
    await page.goto(/(http:\/\/\S+\/fr\/freedonia\/crisiswatch\/2024-06)/.exec(miseAJour!.text ?? '')![1]!);
    await expectFrenchPage(page);

    // The preferences page, from the message: the language changes, back and forth, in French words.
    await page.goto(/(http:\/\/\S+\/fr\/preferences\?token=[\w-]+)/.exec(miseAJour!.text ?? '')![1]!);
    await expectFrenchPage(page);
    const languages = page.getByRole('group', { name: 'Langue de vos e-mails' });
    await expect(languages.getByRole('radio', { name: 'Français' })).toBeChecked();
    await languages.getByRole('radio', { name: 'English' }).check();
    await expect(languages.getByRole('checkbox')).toBeHidden();
    await page.getByRole('button', { name: 'Enregistrer mes choix' }).click();
    await expect(page.getByRole('status')).toHaveText('Vos choix sont enregistrés.');
    await expect(languages.getByRole('radio', { name: 'English' })).toBeChecked();
    await languages.getByRole('radio', { name: 'Français' }).check();
    await languages.getByRole('checkbox', { name: 'Recevoir aussi en anglais les textes pas encore traduits' }).check();
    await page.getByRole('button', { name: 'Enregistrer mes choix' }).click();
    await expect(page.getByRole('status')).toHaveText('Vos choix sont enregistrés.');
    await expect(languages.getByRole('checkbox', { name: 'Recevoir aussi en anglais les textes pas encore traduits' })).toBeChecked();
    await expectFrenchPage(page);

    // Leaving in one click, from the message's link: the French page says it is done.
    await page.goto(/(http:\/\/\S+\/fr\/unsubscribe\?token=[\w-]+)/.exec(miseAJour!.text ?? '')![1]!);
    await expectFrenchPage(page);
    await page.getByRole('button', { name: 'Se désabonner' }).click();
    await expect(page).toHaveURL(/\/fr\/subscribe\?result=unsubscribed/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vous êtes désabonné');
    await expectFrenchPage(page);
    // A mail client's one-click (RFC 8058) on the French address is answered in French.
    const clicked = await fetch(oneClick, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(clicked.status).toBe(200);
    expect(await clicked.text()).toMatch(/^Vous êtes désabonné\./);
    await server.stop();

    // Restarted again (a redeploy of the same build): nothing more is sent.
    server = await startAppServer(env, port);
    await eventually(async () => (await fetch(`${siteUrl}/api/health/ready`)).ok, 10_000, 'the server ready');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await updateMessages(mailDir)).toHaveLength(2);
    const status = await run(path.join(ROOT, 'node_modules/.bin/tsx'), ['lib/cli/updates.ts', 'status'], { cwd: ROOT, env: { ...process.env, ...env } });
    expect(status.stdout).toMatch(/freedonia\/2024-06\s+enqueued\s+0\s+0\s+1\s+0\s+0/);
    expect(status.stdout).toMatch(/freedonia\/2024-06@fr\s+enqueued\s+0\s+0\s+1\s+0\s+0/);
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

const recipientOf = (mail: ParsedMail) => [mail.to].flat()[0]?.value[0]?.address;

/** A page a francophone reader sees: French, and no English word in its text. */
async function expectFrenchPage(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  const text = await page.locator('body').innerText();
  // Names are names: the switch's "English" and a quote's English-named outlet.
  expect(text.replace(/English|The Freedonia Gazette/g, '')).not.toMatch(/\b(the|your|you|and|email|subscribe|unsubscribe|choices|saved|language)\b/i);
}
