import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadContent } from '@/lib/content/load-content';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'drafts-'));
  await cp('tests/fixtures/valid', dir, { recursive: true });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const entryFile = (month: string, extra: string, body: string) =>
  `---\nmonth: ${month}\nperiod: { from: ${month}-01, to: ${month}-28 }\nverdict: improved\nalerts: []\nlead: A fictional lead for ${month}.\n${extra}---\n\n${body}\n`;

describe('drafts', () => {
  it('are left out of a production load and kept when drafts are included', async () => {
    await writeFile(path.join(dir, 'freedonia/crisiswatch/2024-07.md'), entryFile('2024-07', 'draft: true\n', 'Not ready.'));
    const published = await loadContent(dir);
    expect(published.countries.find((country) => country.slug === 'freedonia')!.entries.map((entry) => entry.month)).not.toContain('2024-07');
    expect(published.draftsLeftOut).toBe(1);
    const all = await loadContent(dir, { includeDrafts: true });
    expect(all.countries.find((country) => country.slug === 'freedonia')!.entries[0]).toMatchObject({ month: '2024-07', draft: true });
  });

  it('may not be linked from a published page', async () => {
    await writeFile(path.join(dir, 'freedonia/crisiswatch/2024-07.md'), entryFile('2024-07', 'draft: true\n', 'Not ready.'));
    await writeFile(path.join(dir, 'freedonia/crisiswatch/2024-08.md'), entryFile('2024-08', '', 'See [July](/freedonia/crisiswatch/2024-07).'));
    await expect(loadContent(dir)).rejects.toThrow(/2024-08\.md:9: body: the link to \/freedonia\/crisiswatch\/2024-07 leads to no page/);
  });
});

describe('warnings', () => {
  it('name the file and the line of raw HTML the page will not show, and do not stop the load', async () => {
    await writeFile(path.join(dir, 'freedonia/crisiswatch/2024-07.md'), entryFile('2024-07', '', 'First line.\n\nA line<br>break.'));
    const { warnings, countries } = await loadContent(dir);
    expect(countries.find((country) => country.slug === 'freedonia')!.entries[0]!.month).toBe('2024-07');
    expect(warnings).toEqual([expect.objectContaining({ file: expect.stringMatching(/freedonia\/crisiswatch\/2024-07\.md$/), line: 11, field: 'body', message: expect.stringContaining('raw HTML <br> is not shown') })]);
    // The same warning on a second load, when the file comes from the cache.
    expect((await loadContent(dir)).warnings).toEqual(warnings);
  });
});

describe('the file cache', () => {
  it('serves unchanged files and re-reads a changed one', async () => {
    const file = path.join(dir, 'freedonia/crisiswatch/2024-06.md');
    const first = await loadContent(dir);
    await writeFile(file, entryFile('2024-06', '', 'Changed after the first load.'));
    const second = await loadContent(dir);
    const entry = (tree: typeof first, month: string) => tree.countries.find((country) => country.slug === 'freedonia')!.entries.find((candidate) => candidate.month === month)!;
    expect(entry(second, '2024-06').text).toBe('Changed after the first load.');
    expect(entry(second, '2024-05')).toEqual(entry(first, '2024-05'));
    // A change that makes the file invalid is caught, not hidden by the cached copy.
    await writeFile(file, entryFile('2024-06', 'verdict: worse\n', 'Invalid now.'));
    await expect(loadContent(dir)).rejects.toThrow(/2024-06\.md/);
  });
});
