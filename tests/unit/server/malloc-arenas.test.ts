import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

/**
 * Share images are drawn by sharp on libuv's threads, and glibc's malloc gave each thread an arena
 * that kept what it freed: RSS grew by hundreds of MB over thousands of images (docs/benchmarks.md,
 * "Share images"). The server runs with two arenas wherever it is started for real. The memory
 * itself is measured by `npm run bench -- share-images`, not here (thousands of images).
 */
describe('the production server runs with two malloc arenas', () => {
  it('npm start gives the server MALLOC_ARENA_MAX=2, and an operator’s own value wins', async () => {
    const { scripts } = JSON.parse(await readFile('package.json', 'utf8')) as { scripts: Record<string, string> };
    const start = scripts.start!;
    expect(start).toMatch(/ node lib\/server\/start-server\.mjs$/);
    // The script as npm runs it (sh -c), with the server replaced by a look at its environment.
    const arenas = async (env: NodeJS.ProcessEnv) => (await run('sh', ['-c', start.replace(/node lib\/server\/start-server\.mjs$/, 'printenv MALLOC_ARENA_MAX')], { env })).stdout.trim();
    // An undefined variable is not passed to the child at all.
    expect(await arenas({ ...process.env, MALLOC_ARENA_MAX: undefined })).toBe('2');
    expect(await arenas({ ...process.env, MALLOC_ARENA_MAX: '4' })).toBe('4');
  });

  it('the systemd instance unit sets it too', async () => {
    expect(await readFile('deploy/systemd/crisis-briefings@.service', 'utf8')).toMatch(/^Environment=MALLOC_ARENA_MAX=2$/m);
  });
});
