import { execFile } from 'node:child_process';
import { copyFile, cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Build output, local data and caches: never copied (a build in the copy makes its own). */
const LEFT_OUT = new Set(['node_modules', '.git', 'data', 'test-results', 'playwright-report', 'tsconfig.tsbuildinfo', 'out']);
const LEFT_OUT_BELOW = ['tests/.generated'];

export type ProjectCopy = { dir: string; remove: () => Promise<void> };

export type CopyOptions = {
  /** A build folder of the project (`.next`) to copy as well, without its cache: for running what was built. */
  build?: string;
};

/**
 * A copy of the project's working tree in a temporary folder, for builds, development servers
 * and installs the tests and benchmarks run: `next build` there rewrites the copy's
 * tsconfig.json, not the project's, a route can be taken out of the copy's app/ without touching
 * the project, and no build output lands in the project. node_modules is hard-linked (Turbopack
 * refuses a symlinked one), which costs about a second and no disk; its .cache is left out, so
 * the copy starts with no content cache. Falls back to a real copy where hard links cannot be
 * made (another file system).
 */
export async function copyProject(projectDir: string, options: CopyOptions = {}): Promise<ProjectCopy> {
  const dir = await mkdtemp(path.join(tmpdir(), 'project-copy-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    for (const entry of await readdir(projectDir, { withFileTypes: true })) {
      if (LEFT_OUT.has(entry.name) || entry.name.startsWith('.next')) continue;
      await cp(path.join(projectDir, entry.name), path.join(dir, entry.name), {
        recursive: true,
        filter: (source) => !LEFT_OUT_BELOW.some((below) => source === path.join(projectDir, below)),
      });
    }
    if (options.build) {
      const build = path.join(projectDir, options.build);
      await cp(build, path.join(dir, options.build), { recursive: true, filter: (source) => source !== path.join(build, 'cache') });
    }
    const modules = path.join(projectDir, 'node_modules');
    try {
      await run('cp', ['-al', modules, path.join(dir, 'node_modules')]);
    } catch {
      await rm(path.join(dir, 'node_modules'), { recursive: true, force: true });
      await cp(modules, path.join(dir, 'node_modules'), { recursive: true, verbatimSymlinks: true });
    }
    // Removing hard links leaves the project's own files alone; writing through one would not.
    // npm (prune, install) rewrites node_modules/.package-lock.json in place, so it gets a copy of its own.
    await rm(path.join(dir, 'node_modules', '.cache'), { recursive: true, force: true });
    const hiddenLockfile = path.join(dir, 'node_modules', '.package-lock.json');
    await rm(hiddenLockfile, { force: true });
    await copyFile(path.join(modules, '.package-lock.json'), hiddenLockfile);
    return { dir, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
