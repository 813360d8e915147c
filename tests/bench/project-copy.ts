import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Build output, local data and caches: never copied (a build in the copy makes its own). */
const LEFT_OUT = new Set(['node_modules', '.git', 'data', 'test-results', 'playwright-report', 'tsconfig.tsbuildinfo', 'out']);
const LEFT_OUT_BELOW = ['tests/.generated'];

export type ProjectCopy = { dir: string; remove: () => Promise<void> };

/**
 * A copy of the project's working tree in a temporary folder, for builds and development servers
 * the benchmark runs: `next build` there rewrites the copy's tsconfig.json, not the project's,
 * a route can be taken out of the copy's app/ without touching the project, and no build output
 * lands in the project. node_modules is hard-linked (Turbopack refuses a symlinked one), which
 * costs about a second and no disk; its .cache is left out, so the copy starts with no content
 * cache. Falls back to a real copy where hard links cannot be made (another file system).
 */
export async function copyProject(projectDir: string): Promise<ProjectCopy> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-archive-project-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    for (const entry of await readdir(projectDir, { withFileTypes: true })) {
      if (LEFT_OUT.has(entry.name) || entry.name.startsWith('.next')) continue;
      await cp(path.join(projectDir, entry.name), path.join(dir, entry.name), {
        recursive: true,
        filter: (source) => !LEFT_OUT_BELOW.some((below) => source === path.join(projectDir, below)),
      });
    }
    const modules = path.join(projectDir, 'node_modules');
    try {
      await run('cp', ['-al', modules, path.join(dir, 'node_modules')]);
    } catch {
      await rm(path.join(dir, 'node_modules'), { recursive: true, force: true });
      await cp(modules, path.join(dir, 'node_modules'), { recursive: true, verbatimSymlinks: true });
    }
    // Removing hard links leaves the project's own files alone.
    await rm(path.join(dir, 'node_modules', '.cache'), { recursive: true, force: true });
    return { dir, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
