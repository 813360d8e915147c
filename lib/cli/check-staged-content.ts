import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** This project, where tsx and the content check live; the repository checked is the current one. */
const PROJECT = path.resolve(import.meta.dirname, '..', '..');

/**
 * The pre-commit hook's check (.githooks/pre-commit): copies the staged content/ (the index, as
 * the commit will record it, not the working tree) to a temporary folder and runs
 * `npm run content:check` on it there, so its problems name `content/…` as in the repository.
 * Exit code 1 refuses the commit; anything content:check prints without failing (a warning) does not.
 */
function main(): number {
  const repo = git(['rev-parse', '--show-toplevel'], process.cwd()).trim();
  const changed = git(['diff', '--cached', '--name-only', '-z', '--', 'content/'], repo).split('\0').filter(Boolean);
  if (changed.length === 0) return 0;
  console.log(`pre-commit: checking the staged content/ (${changed.length === 1 ? '1 file' : `${changed.length} files`} changed)`);

  const dir = mkdtempSync(path.join(tmpdir(), 'staged-content-'));
  try {
    const staged = git(['ls-files', '--cached', '-z', '--', 'content/'], repo);
    // GIT_INDEX_FILE, set by git for `commit -a` and `commit <paths>`, is inherited: the index read is the one being committed.
    git(['checkout-index', '-z', '--stdin', `--prefix=${dir}${path.sep}`], repo, staged);
    const check = spawnSync(path.join(PROJECT, 'node_modules', '.bin', 'tsx'), [path.join(PROJECT, 'lib', 'cli', 'content-check.ts'), 'content'], {
      cwd: dir,
      stdio: 'inherit',
      // The check runs in the copy (so it names files content/…), with the project's map data.
      env: { ...process.env, TSX_TSCONFIG_PATH: path.join(PROJECT, 'tsconfig.json'), WORLD_ATLAS_DIR: path.join(PROJECT, 'node_modules', 'world-atlas') },
    });
    if (check.error) throw check.error;
    if (check.status === 0) return 0;
    console.error('\nCommit refused: fix the problems above in the staged files, git add them and commit again (git commit --no-verify skips this check).');
    return 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function git(args: string[], cwd: string, input?: string): string {
  return execFileSync('git', args, { cwd, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
}

try {
  process.exit(main());
} catch (error) {
  console.error(`pre-commit: the staged content could not be checked: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
