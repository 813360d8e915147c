import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const TSX = path.resolve('node_modules/.bin/tsx');

async function contentCheck(...args: string[]) {
  try {
    const { stdout, stderr } = await run(TSX, ['lib/cli/content-check.ts', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run content:check', () => {
  it('passes the real content and says what it checked', async () => {
    const { code, stdout } = await contentCheck();
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Content OK: 1 country, \d+ CrisisWatch entr(y|ies), \d+ quotes(, \d+ translations? \(fr: \d+\))? in content$/m);
  });

  it('prints every problem of a bad tree, one per line, and exits non-zero', async () => {
    const { code, stderr } = await contentCheck('tests/fixtures/invalid/many-problems');
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'tests/fixtures/invalid/many-problems/freedonia/crisiswatch/2024-05.md:6: verdict: expected one of deteriorated | improved | unchanged, got "worse"',
      'tests/fixtures/invalid/many-problems/freedonia/quotes/2024-02-30-rufus-firefly.md:2: date: "2024-02-30" is not a real date',
      'tests/fixtures/invalid/many-problems/ruritania/country.md: region: expected a list of regions, broadest first, such as [Africa, Sahel]',
    ]);
    expect(lines.at(-1)).toBe('3 problems found.');
  });

  it('reports markdown nested too deep as that file’s problem, with its line, and no stack trace', async () => {
    const { code, stderr } = await contentCheck('tests/fixtures/invalid/deep-nesting');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^tests\/fixtures\/invalid\/deep-nesting\/freedonia\/country\.md:12: body: /m);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('names a folder that does not exist', async () => {
    const { code, stderr } = await contentCheck('tests/fixtures/nowhere');
    expect(code).toBe(1);
    expect(stderr).toContain('tests/fixtures/nowhere: content folder not found');
  });
});
