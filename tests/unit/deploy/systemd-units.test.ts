import { execFile } from 'node:child_process';
import { appendFile, copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isExecutable } from '@/tests/support/deployment/executable';

const run = promisify(execFile);
const SHIPPED = path.resolve(__dirname, '..', '..', '..', 'deploy', 'systemd');
const ANALYZE = ['/usr/bin/systemd-analyze', '/bin/systemd-analyze'].find(isExecutable);
if (!ANALYZE) console.warn('systemd unit tests SKIPPED: systemd-analyze was not found');

/** The units installed as deploy/README.md says: each unit file, and the hardening drop-in for each service. */
describe.skipIf(!ANALYZE)('the systemd units, installed with their shared hardening drop-in', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'systemd-units-'));
    for (const file of await readdir(SHIPPED)) if (/\.(service|target)$/.test(file)) await copyFile(path.join(SHIPPED, file), path.join(dir, file));
    for (const unit of ['crisis-briefings@.service', 'crisis-briefings-outbox.service']) {
      await mkdir(path.join(dir, `${unit}.d`));
      await copyFile(path.join(SHIPPED, 'hardening.conf'), path.join(dir, `${unit}.d`, 'hardening.conf'));
    }
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function verify(unit: string): Promise<string[]> {
    const { stdout, stderr } = await run(ANALYZE!, ['verify', path.join(dir, unit)], { env: { ...process.env, SYSTEMD_UNIT_PATH: `${dir}:` } }).catch((error: { stdout: string; stderr: string }) => error);
    // The release folder does not exist on this machine; everything else must be clean.
    return `${stdout}${stderr}`.split('\n').filter((line) => line.trim() && !/is not executable: No such file or directory/.test(line));
  }

  it('are accepted by systemd, drop-in included, with no unknown or bad setting', async () => {
    expect(await verify('crisis-briefings@3001.service')).toEqual([]);
    expect(await verify('crisis-briefings-outbox.service')).toEqual([]);
  });

  it('each read the hardening from the drop-in: a bad line in it is reported for both', async () => {
    for (const unit of ['crisis-briefings@.service', 'crisis-briefings-outbox.service']) await appendFile(path.join(dir, `${unit}.d`, 'hardening.conf'), 'NoSuchSetting=yes\n');
    expect((await verify('crisis-briefings@3001.service')).join('\n')).toContain("Unknown key 'NoSuchSetting'");
    expect((await verify('crisis-briefings-outbox.service')).join('\n')).toContain("Unknown key 'NoSuchSetting'");
  });
});
