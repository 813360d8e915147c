import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileCachePath } from '@/lib/content/file-cache';
import { loadContent } from '@/lib/content/load-content';
import { createParsePool, type ParsePool } from '@/lib/content/parse-pool';
import { ContentValidationError, formatProblem } from '@/lib/content/problems';
import { writeFictionalSite } from '../../fixtures/fictional-tree';

/**
 * content:check parses a large tree in worker threads (parse-pool.ts). What it reports must not
 * depend on it: the same tree, the same warnings and the same problems, in the same order, as
 * when every file is parsed in the loader's own thread. Each tree is copied twice (each copy
 * with a disk cache of its own, so neither load is served from the other's) and loaded once
 * each way; paths are compared with the copy's folder taken out.
 */
let scratch: string;
let pool: ParsePool;
const invalidFixtures = await readdir('tests/fixtures/invalid');

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'parse-pool-'));
  // Every file to the workers, none in this thread: the worker path is the one under test.
  pool = createParsePool({ threads: 2, startAfter: 0 });
  await pool.ready();
});
afterAll(async () => {
  await pool.close();
  await rm(scratch, { recursive: true, force: true });
});

async function copies(name: string, write: (dir: string) => Promise<unknown>): Promise<[string, string]> {
  const dirs: [string, string] = [path.join(scratch, `${name}-here`), path.join(scratch, `${name}-pool`)];
  for (const dir of dirs) await write(dir);
  return dirs;
}

/** What content:check would report on `dir`: the tree and its warnings, or every problem, with `dir` written as <dir>. */
async function reportOf(dir: string, otherThreads?: ParsePool): Promise<string> {
  const shown = [path.relative(process.cwd(), dir).split(path.sep).join('/'), dir];
  const hide = (text: string) => shown.reduce((result, prefix) => result.split(prefix).join('<dir>'), text);
  try {
    return hide(JSON.stringify(await loadContent(dir, { includeDrafts: true, otherThreads }), null, 1));
  } catch (error) {
    if (!(error instanceof ContentValidationError)) throw error;
    return hide(error.problems.map(formatProblem).join('\n'));
  } finally {
    await rm(fileCachePath(dir), { force: true });
  }
}

async function expectSameReport(name: string, write: (dir: string) => Promise<unknown>): Promise<void> {
  const [here, inPool] = await copies(name, write);
  const before = pool.parsedInWorkers;
  const serial = await reportOf(here);
  const parallel = await reportOf(inPool, pool);
  expect(pool.parsedInWorkers).toBeGreaterThan(before);
  expect(parallel).toEqual(serial);
}

describe('content parsed in worker threads', () => {
  it('is the same tree for a generated archive with French translations', async () => {
    await expectSameReport('fictional', (dir) => writeFictionalSite(dir, 3, 30, 4, 0.7));
  }, 60_000);

  it.each([['the valid fixture', 'tests/fixtures/valid'], ['the real content', 'content']])('is the same tree for %s', async (_name, source) => {
    await expectSameReport(path.basename(source), (dir) => cp(source, dir, { recursive: true }));
  });

  it.each(invalidFixtures)('reports the same problems, in the same order, for the invalid fixture %s', async (fixture) => {
    await expectSameReport(fixture, (dir) => cp(path.join('tests/fixtures/invalid', fixture), dir, { recursive: true }));
  });
});

describe('the parse pool', () => {
  it('starts no worker for a small tree: every file is parsed in the loader’s thread', async () => {
    const small = createParsePool({ startAfter: 100 });
    try {
      const [dir] = await copies('small', (target) => cp('tests/fixtures/valid', target, { recursive: true }));
      await reportOf(dir, small);
      expect(small.parsedInWorkers).toBe(0);
    } finally {
      await small.close();
    }
  });
});
