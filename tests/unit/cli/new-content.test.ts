import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { format } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Each test starts the CLI (tsx compiles it first): seconds each on a busy 2-core machine.
vi.setConfig({ testTimeout: 30_000 });
import { loadContent } from '@/lib/content/load-content';
import { countrySchema, crisisWatchSchema, quoteSchema } from '@/lib/content/schemas';

const run = promisify(execFile);
const TSX = path.resolve('node_modules/.bin/tsx');
const CLI = path.resolve('lib/cli/new-content.ts');

// A temporary project folder whose CONTENT_DIR (`content`) holds only fictional countries.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'new-content-'));
  await cp(path.resolve('tests/fixtures/valid/freedonia'), path.join(dir, 'content', 'freedonia'), { recursive: true });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function newContent(...args: string[]) {
  try {
    const { stdout, stderr } = await run(TSX, [CLI, ...args], { cwd: dir, env: { ...process.env, CONTENT_DIR: 'content' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The tree as `npm run dev` and content:check see it, drafts included. */
async function freedonia() {
  const { countries } = await loadContent(path.join(dir, 'content'), { includeDrafts: true });
  const country = countries.find((candidate) => candidate.slug === 'freedonia');
  if (!country) throw new Error('freedonia did not load');
  return country;
}

/** Every field of the schema has its own comment line in the skeleton. */
function expectEveryFieldExplained(text: string, fields: string[]) {
  for (const field of fields) expect(text, field).toMatch(new RegExp(`^# ${field}: \\S`, 'm'));
}

const read = (file: string) => readFile(path.join(dir, file), 'utf8');

describe('npm run new -- entry', () => {
  it('writes a draft for the month that loads as a valid entry, and prints its path', async () => {
    const { code, stdout } = await newContent('entry', 'freedonia', '2024-07');
    expect(code).toBe(0);
    expect(stdout).toBe('content/freedonia/crisiswatch/2024-07.md\n');

    const entry = (await freedonia()).entries.find((candidate) => candidate.month === '2024-07');
    expect(entry).toMatchObject({ draft: true, notify: true, period: { from: '2024-07-01', to: '2024-07-31' }, alerts: [] });
    expect(entry?.lead).toMatch(/^TODO: /);
    expect(entry?.html).toContain('TODO');
    const text = await read(stdout.trim());
    expectEveryFieldExplained(text, Object.keys(crisisWatchSchema.shape));
    expect(text).toMatch(/^# .*Remove this line when the entry is ready to publish/m);

    // A production load (the build) leaves the skeleton out.
    const published = await loadContent(path.join(dir, 'content'));
    expect(published.countries.find((country) => country.slug === 'freedonia')?.entries.map((candidate) => candidate.month)).not.toContain('2024-07');
    expect(published.draftsLeftOut).toBe(1);
  });

  it('covers the whole calendar month, leap days included', async () => {
    expect((await newContent('entry', 'freedonia', '2024-02')).code).toBe(0);
    const entry = (await freedonia()).entries.find((candidate) => candidate.month === '2024-02');
    expect(entry?.period).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });
});

describe('npm run new -- quote', () => {
  it('writes a quote named for its date and expert that loads', async () => {
    const { code, stdout } = await newContent('quote', 'freedonia', '2024-07-15', 'rufus-firefly');
    expect(code).toBe(0);
    expect(stdout).toBe('content/freedonia/quotes/2024-07-15-rufus-firefly.md\n');
    const quote = (await freedonia()).quotes.find((candidate) => candidate.id === '2024-07-15-rufus-firefly');
    expect(quote).toMatchObject({ date: '2024-07-15', name: 'Rufus Firefly' });
    expect(quote?.url).toBeUndefined();
    expect(quote?.outlet).toMatch(/^TODO: /);
    expect(quote?.title).toMatch(/^TODO: /);
    expectEveryFieldExplained(await read(stdout.trim()), Object.keys(quoteSchema.shape));
  });

  it("dates it today when no date is given, with the expert's name or a placeholder", async () => {
    const today = format(new Date(), 'yyyy-MM-dd');
    expect((await newContent('quote', 'freedonia', 'groucho-marx')).stdout).toBe(`content/freedonia/quotes/${today}-groucho-marx.md\n`);
    const { stdout } = await newContent('quote', 'freedonia');
    expect(stdout).toBe(`content/freedonia/quotes/${today}-first-last.md\n`);
    const quote = (await freedonia()).quotes.find((candidate) => candidate.id === `${today}-first-last`);
    expect(quote?.name).toMatch(/^TODO: /);
  });
});

describe('npm run new -- country', () => {
  it('writes a country.md that loads, with its regions to fill in, and entries can follow', async () => {
    const { code, stdout } = await newContent('country', 'grand-fenwick');
    expect(code).toBe(0);
    expect(stdout).toBe('content/grand-fenwick/country.md\n');
    expectEveryFieldExplained(await read(stdout.trim()), Object.keys(countrySchema.shape));
    expect((await newContent('entry', 'grand-fenwick', '2024-07')).code).toBe(0);

    const { countries } = await loadContent(path.join(dir, 'content'), { includeDrafts: true });
    const country = countries.find((candidate) => candidate.slug === 'grand-fenwick');
    expect(country?.name).toBe('Grand Fenwick');
    expect(country?.region.every((region) => region.startsWith('TODO: '))).toBe(true);
    expect(country?.entries.map((entry) => [entry.month, entry.draft])).toEqual([['2024-07', true]]);
  });
});

describe('npm run new -- translation', () => {
  it("writes the English words to translate next to their file, with the version of the English it translates", async () => {
    const { code, stdout, stderr } = await newContent('translation', 'fr', 'freedonia', '2024-05');
    expect({ code, stdout }).toEqual({ code: 0, stdout: 'content/freedonia/crisiswatch/2024-05.fr.md\n' });
    expect(stderr).toContain('Translate each text marked "TODO: translate"');
    const text = await readFile(path.join(dir, 'content/freedonia/crisiswatch/2024-05.fr.md'), 'utf8');
    // Quoted: a version of digits only (or digits and one e) would otherwise be read as a number.
    expect(text).toMatch(/^source_version: "[0-9a-f]{12}"$/m);
    expect(text).toMatch(/^lead: "TODO: translate: .+"$/m);
    expect(text).not.toMatch(/^(verdict|alerts|period|month):/m);
    expect((await newContent('translation', 'fr', 'freedonia')).stdout).toBe('content/freedonia/country.fr.md\n');
    expect((await newContent('translation', 'fr', 'freedonia', '2024-06-02-rufus-firefly')).stdout).toBe('content/freedonia/quotes/2024-06-02-rufus-firefly.fr.md\n');
  });
});

describe('npm run new refuses, in one line and writing nothing,', () => {
  async function files(): Promise<string[]> {
    return (await readdir(path.join(dir, 'content'), { recursive: true })).sort();
  }

  it('to overwrite a file, even one the editor has not touched since', async () => {
    expect((await newContent('entry', 'freedonia', '2024-08')).code).toBe(0);
    const file = path.join(dir, 'content/freedonia/crisiswatch/2024-08.md');
    await writeFile(file, 'the editor was here');
    const { code, stdout, stderr } = await newContent('entry', 'freedonia', '2024-08');
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: 'npm run new: content/freedonia/crisiswatch/2024-08.md already exists; edit it instead (nothing was written)\n' });
    expect(await readFile(file, 'utf8')).toBe('the editor was here');
    expect((await newContent('country', 'freedonia')).stderr).toBe('npm run new: content/freedonia/country.md already exists; edit it instead (nothing was written)\n');
  });

  it.each([
    [['entry', 'atlantis', '2024-07'], 'unknown country "atlantis": content/atlantis/country.md does not exist (npm run new -- country atlantis creates it)'],
    [['quote', 'atlantis', '2024-07-15'], 'unknown country "atlantis": content/atlantis/country.md does not exist (npm run new -- country atlantis creates it)'],
    [['entry', 'no-profile', '2024-07'], 'unknown country "no-profile": content/no-profile/country.md does not exist (npm run new -- country no-profile creates it)'],
    [['country', 'Grand_Fenwick'], '"Grand_Fenwick" is not a valid country slug: lower-case letters, digits and single hyphens, such as grand-fenwick'],
    [['country', 'crisiswatch'], '"crisiswatch" is the address of a page of the site, so a country there could not be reached: choose another slug'],
    [['entry', '../freedonia', '2024-07'], '"../freedonia" is not a valid country slug: lower-case letters, digits and single hyphens, such as freedonia'],
    [['entry', 'freedonia', '2024-13'], 'month: expected a real month as YYYY-MM, got "2024-13"'],
    [['entry', 'freedonia', '24-07'], 'month: expected a real month as YYYY-MM, got "24-07"'],
    [['entry', 'freedonia', '1989-12'], 'month: expected a real month as YYYY-MM, got "1989-12"'],
    [['quote', 'freedonia', '2024-02-30', 'rufus-firefly'], 'date: "2024-02-30" is not a real date'],
    [['quote', 'freedonia', '2024-2-3'], 'date: expected a date as YYYY-MM-DD, got "2024-2-3"'],
    [['quote', 'freedonia', '2024-07-15', 'Rufus Firefly'], '"Rufus Firefly" cannot name a quote file: use the expert\'s first-last name in lower case, such as rufus-firefly'],
    [['translation', 'de', 'freedonia', '2024-06'], '"de" is not a language content is translated into here: use fr'],
    [['translation', 'fr', 'freedonia', '2030-01'], 'content/freedonia/crisiswatch/2030-01.md does not exist: a translation needs its English file first'],
    [['translation', 'fr', 'freedonia', 'profile'], '"profile" names no content to translate: give a month (YYYY-MM), a quote\'s file name (YYYY-MM-DD-first-last), or nothing for the country\'s profile'],
  ])('%j', async (args, message) => {
    await mkdir(path.join(dir, 'content/no-profile'), { recursive: true });
    const before = await files();
    const { code, stdout, stderr } = await newContent(...args);
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: `npm run new: ${message}\n` });
    expect(await files()).toEqual(before);
  });

  it('and prints its usage for a command it does not know', async () => {
    for (const args of [[], ['entry', 'freedonia'], ['profile', 'freedonia'], ['quote', 'freedonia', '2024-07-15', 'rufus-firefly', 'extra']]) {
      const { code, stderr } = await newContent(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toMatch(/^usage:\n {2}npm run new -- country <slug>/);
    }
  });
});
