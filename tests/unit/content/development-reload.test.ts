import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getContent, getCountry } from '@/lib/content';
import { watchContent } from '@/lib/content/content-watch';
import { listContentRoutes } from '@/lib/content/list-content-routes';
import { archivePageStaticParams, entryStaticParams } from '@/lib/country-file-route';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dev-reload-'));
  await cp('tests/fixtures/valid', dir, { recursive: true });
});
afterEach(async () => {
  watchContent(dir).close();
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

const nameOf = async (slug: string) => (await getContent(dir)).countries.find((country) => country.slug === slug)?.name;

/** Until the watcher has seen the change (inotify reports it within milliseconds, but not synchronously). */
async function eventually<T>(read: () => Promise<T>, expected: T): Promise<T> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const value = await read();
    if (value === expected) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return read();
}

describe('the development server’s content', () => {
  beforeEach(() => {
    vi.stubEnv('NODE_ENV', 'development');
  });

  it('is loaded once while nothing changes, so a reload costs nothing', async () => {
    const first = await getContent(dir);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await getContent(dir)).toBe(first);
  });

  it('is loaded again after an editor changes a file, and shows the change', async () => {
    expect(await nameOf('freedonia')).toBe('Freedonia');
    const file = path.join(dir, 'freedonia', 'country.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^name: .*$/m, 'name: Freedonia Edited'));
    expect(await eventually(() => nameOf('freedonia'), 'Freedonia Edited')).toBe('Freedonia Edited');
  });

  it('reports a mistake made while the server runs, then the fix', async () => {
    await getContent(dir);
    const file = path.join(dir, 'freedonia', 'country.md');
    const good = await readFile(file, 'utf8');
    await writeFile(file, good.replace(/^name: .*$/m, 'name:'));
    let error: unknown;
    for (let attempt = 0; attempt < 100 && !error; attempt += 1) {
      error = await getContent(dir).then(() => undefined, (problem: unknown) => problem);
      if (!error) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(String(error)).toMatch(/freedonia\/country\.md:\d+: name/);
    await writeFile(file, good);
    expect(await eventually(() => nameOf('freedonia'), 'Freedonia')).toBe('Freedonia');
  });

  it('loads a country page’s own folder alone, so the preview does not wait for (or trip over) the rest', async () => {
    await writeFile(path.join(dir, 'ruritania', 'country.md'), '---\nname:\n---\nBroken elsewhere.\n');
    const freedonia = await getCountry('freedonia', 'en', dir);
    expect(freedonia?.name).toBe('Freedonia');
    expect(await getCountry('no-such-country', 'en', dir)).toBeUndefined();
    // The whole tree (home page, content:check, the build) still reports the other country's file.
    await expect(getContent(dir)).rejects.toThrow(/ruritania\/country\.md/);
  });

  it('checks a country’s links to other countries against file names when it loads alone', async () => {
    const profile = path.join(dir, 'freedonia', 'country.md');
    const good = await readFile(profile, 'utf8');
    await writeFile(profile, `${good}\nSee [Ruritania](/ruritania) and [Atlantis](/atlantis).\n`);
    await expect(getCountry('freedonia', 'en', dir)).rejects.toThrow(/the link to \/atlantis leads to no page/);
    await writeFile(profile, `${good}\nSee [Ruritania](/ruritania).\n`);
    expect(await eventually(async () => (await getCountry('freedonia', 'en', dir).catch(() => undefined))?.name, 'Freedonia')).toBe('Freedonia');
  });

  it('gives static params from file names, drafts and all, without loading the tree', async () => {
    await writeFile(path.join(dir, 'freedonia', 'crisiswatch', '2031-01.md'), 'not even frontmatter');
    vi.stubEnv('CONTENT_DIR', dir);
    const routes = await listContentRoutes(dir);
    expect(routes.find((route) => route.country === 'freedonia')?.months).toContain('2031-01');
    expect(await entryStaticParams()).toContainEqual({ country: 'freedonia', month: '2031-01' });
    // The same file makes the tree itself fail to load: the page shows that to the editor.
    await expect(getContent(dir)).rejects.toThrow(/2031-01\.md/);
    // Enough files for a second archive page, by name alone: only the latest twelve months are
    // prerendered (PRERENDER_MONTHS), all on page 1, so no later page is.
    for (let month = 1; month <= 30; month += 1) {
      await writeFile(path.join(dir, 'freedonia', 'crisiswatch', `2040-${String(month % 12 || 12).padStart(2, '0')}.md`), '');
      await writeFile(path.join(dir, 'freedonia', 'crisiswatch', `${2041 + month}-01.md`), '');
    }
    const freedonia = (await entryStaticParams()).filter((params) => params.country === 'freedonia').map((params) => params.month);
    expect(freedonia).toEqual(Array.from({ length: 12 }, (_, index) => `${2071 - index}-01`));
    expect((await archivePageStaticParams()).filter((params) => params.country === 'freedonia')).toEqual([]);
  });
});

describe('a production server’s content', () => {
  it('is loaded once, whatever changes on disk', async () => {
    const first = await getContent(dir);
    const file = path.join(dir, 'freedonia', 'country.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^name: .*$/m, 'name: Freedonia Edited'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await getContent(dir)).toBe(first);
  });
});
