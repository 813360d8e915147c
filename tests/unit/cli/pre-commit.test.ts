import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const HOOKS = path.resolve('.githooks');

// Git as an editor's machine runs it, minus this process's own git context and the user's settings.
const env: NodeJS.ProcessEnv = { ...process.env };
for (const name of Object.keys(env)) if (name.startsWith('GIT_')) delete env[name];
Object.assign(env, { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' });

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'pre-commit-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

async function sh(cwd: string, command: string, args: string[], extraEnv: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(command, args, { cwd, env: { ...env, ...extraEnv } });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

const git = (repo: string, ...args: string[]) => sh(repo, 'git', args);

/** A repository with a fictional country committed (without the hook) and `hooks` as its hooks folder. */
async function repository(name: string, hooks = HOOKS): Promise<string> {
  const repo = path.join(scratch, name);
  await cp(path.resolve('tests/fixtures/valid/freedonia'), path.join(repo, 'content', 'freedonia'), { recursive: true });
  await writeFile(path.join(repo, 'notes.txt'), 'not content\n');
  for (const args of [['init', '-q', '-b', 'main'], ['config', 'user.name', 'Test Editor'], ['config', 'user.email', 'editor@example.invalid'], ['config', 'commit.gpgsign', 'false'], ['config', 'core.hooksPath', hooks], ['add', '.'], ['commit', '-q', '--no-verify', '-m', 'start']]) {
    const result = await git(repo, ...args);
    if (result.code !== 0) throw new Error(`git ${args.join(' ')}: ${result.output}`);
  }
  return repo;
}

const entry = (month: string, verdict: string) =>
  `---\nmonth: ${month}\nperiod: { from: ${month}-01, to: ${month}-28 }\nverdict: ${verdict}\nalerts: []\nlead: A fictional lead.\n---\n\nInvented text.\n`;
const commits = async (repo: string) => Number((await git(repo, 'rev-list', '--count', 'HEAD')).output.trim());

describe('the pre-commit hook', () => {
  it('lets a commit with valid staged content through, after checking it', async () => {
    const repo = await repository('good');
    await writeFile(path.join(repo, 'content/freedonia/crisiswatch/2024-07.md'), entry('2024-07', 'improved'));
    await git(repo, 'add', '.');
    const { code, output } = await git(repo, 'commit', '-m', 'July');
    expect(code, output).toBe(0);
    expect(output).toContain('Content OK: 1 country, 4 CrisisWatch entries, 2 quotes in content');
    expect(await commits(repo)).toBe(2);
  }, 30_000);

  it('refuses a commit with a bad staged content file, naming the file and the field', async () => {
    const repo = await repository('bad');
    await writeFile(path.join(repo, 'content/freedonia/crisiswatch/2024-07.md'), entry('2024-07', 'worse'));
    await git(repo, 'add', '.');
    const { code, output } = await git(repo, 'commit', '-m', 'July');
    expect(code).not.toBe(0);
    expect(output).toContain('content/freedonia/crisiswatch/2024-07.md:4: verdict: expected one of deteriorated | improved | unchanged, got "worse"');
    expect(output).toContain('Commit refused');
    expect(await commits(repo)).toBe(1);
  }, 30_000);

  it('shows the warnings of content:check without refusing the commit', async () => {
    const repo = await repository('warning');
    await writeFile(path.join(repo, 'content/freedonia/crisiswatch/2024-07.md'), entry('2024-07', 'improved').replace('Invented text.', 'Invented<br>text.'));
    await git(repo, 'add', '.');
    const { code, output } = await git(repo, 'commit', '-m', 'July');
    expect(code, output).toBe(0);
    expect(output).toMatch(/^warning: content\/freedonia\/crisiswatch\/2024-07\.md:9: body: /m);
    expect(await commits(repo)).toBe(2);
  }, 30_000);

  it('checks what is staged, not what is in the working tree', async () => {
    const repo = await repository('staged');
    const file = path.join(repo, 'content/freedonia/crisiswatch/2024-07.md');
    await writeFile(file, entry('2024-07', 'worse'));
    await git(repo, 'add', '.');
    await writeFile(file, entry('2024-07', 'improved')); // fixed, but not staged
    const refused = await git(repo, 'commit', '-m', 'July');
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain('content/freedonia/crisiswatch/2024-07.md:4: verdict:');

    await git(repo, 'add', '.');
    await writeFile(file, entry('2024-07', 'worse')); // broken again, but only in the working tree
    const passed = await git(repo, 'commit', '-m', 'July');
    expect(passed.code, passed.output).toBe(0);
    expect(await readFile(file, 'utf8')).toContain('verdict: worse');
  }, 30_000);

  it('checks what `git commit -a` is about to record', async () => {
    const repo = await repository('all');
    await writeFile(path.join(repo, 'content/freedonia/country.md'), '---\nname: Freedonia\n---\n\nInvented.\n');
    const { code, output } = await git(repo, 'commit', '-a', '-m', 'profile');
    expect(code).not.toBe(0);
    expect(output).toContain('content/freedonia/country.md: region:');
  }, 30_000);

  it('skips a commit that touches no content without starting node', async () => {
    // A hooks folder in a project without node_modules: starting the check would fail loudly.
    const project = path.join(scratch, 'no-node-modules');
    await mkdir(path.join(project, '.githooks'), { recursive: true });
    await cp(path.join(HOOKS, 'pre-commit'), path.join(project, '.githooks', 'pre-commit'));
    const repo = await repository('skip', path.join(project, '.githooks'));

    await writeFile(path.join(repo, 'notes.txt'), 'still not content\n');
    await git(repo, 'add', '.');
    const started = Date.now();
    const skipped = await git(repo, 'commit', '-q', '-m', 'notes');
    expect(skipped).toEqual({ code: 0, output: '' });
    expect(Date.now() - started).toBeLessThan(5_000);

    await writeFile(path.join(repo, 'content/freedonia/crisiswatch/2024-07.md'), entry('2024-07', 'improved'));
    await git(repo, 'add', '.');
    const checked = await git(repo, 'commit', '-q', '-m', 'July');
    expect(checked.code).not.toBe(0);
    expect(checked.output).toMatch(/^pre-commit: cannot check the staged content: .*node_modules\/\.bin\/tsx is missing; run npm ci/);
  }, 30_000);
});

describe('npm install (the prepare script)', async () => {
  const { scripts } = JSON.parse(await readFile('package.json', 'utf8')) as { scripts: Record<string, string> };
  const prepare = (cwd: string, extraEnv?: Record<string, string>) => sh(cwd, 'sh', ['-c', scripts.prepare!], extraEnv);

  it('points git at .githooks when the project is the top of a git work tree', async () => {
    const repo = path.join(scratch, 'install');
    await mkdir(path.join(repo, 'sub'), { recursive: true });
    await git(repo, 'init', '-q');
    // A package inside someone else's repository leaves that repository alone.
    expect(await prepare(path.join(repo, 'sub'))).toEqual({ code: 0, output: '' });
    expect((await git(repo, 'config', 'core.hooksPath')).output).toBe('');
    expect(await prepare(repo)).toEqual({ code: 0, output: '' });
    expect((await git(repo, 'config', 'core.hooksPath')).output).toBe('.githooks\n');
  });

  it('does nothing, and does not fail, outside git (a tarball install)', async () => {
    const folder = path.join(scratch, 'tarball');
    await mkdir(folder);
    expect(await prepare(folder, { GIT_CEILING_DIRECTORIES: scratch })).toEqual({ code: 0, output: '' });
  });
});
