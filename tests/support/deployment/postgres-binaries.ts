import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { isExecutable } from './executable';

export interface PostgresBinaries {
  initdb: string;
  pgCtl: string;
  postgres: string;
}

/** Where Debian installs each major version side by side. */
const DEBIAN_ROOT = '/usr/lib/postgresql';


// All three from one folder: pg_ctl starts the postgres beside it, and an initdb of another major
// version would write a data directory that postgres refuses.
function binariesIn(dir: string): PostgresBinaries | undefined {
  const found = { initdb: path.join(dir, 'initdb'), pgCtl: path.join(dir, 'pg_ctl'), postgres: path.join(dir, 'postgres') };
  return Object.values(found).every(isExecutable) ? found : undefined;
}

function debianBinDirs(): string[] {
  let versions: string[];
  try {
    versions = readdirSync(DEBIAN_ROOT);
  } catch {
    return [];
  }
  return versions
    .filter((version) => /^\d+(\.\d+)?$/.test(version))
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => path.join(DEBIAN_ROOT, version, 'bin'));
}

/** initdb, pg_ctl and postgres from the first folder on PATH that has all three, else Debian's newest. */
export function findPostgresBinaries(): PostgresBinaries | undefined {
  const onPath = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const dir of [...onPath, ...debianBinDirs()]) {
    const found = binariesIn(dir);
    if (found) return found;
  }
  return undefined;
}

/** PostgreSQL refuses to run as root, so root runs it as the `postgres` user instead. */
export const runsAsRoot = (): boolean => process.getuid?.() === 0;

/** The uid and gid of the `postgres` user, or undefined when there is none. */
export function postgresUser(): { uid: number; gid: number } | undefined {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return undefined;
  }
}

const onPath = (name: string) => (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && isExecutable(path.join(dir, name)));

/** One line saying why no cluster can be started here, or undefined when one can. */
export function postgresUnavailableReason(): string | undefined {
  if (!findPostgresBinaries()) {
    return `PostgreSQL's initdb, pg_ctl and postgres were not found on PATH or in ${DEBIAN_ROOT}/<version>/bin (Debian: apt-get install postgresql)`;
  }
  if (runsAsRoot()) {
    if (!postgresUser()) return 'running as root, which PostgreSQL refuses, and there is no "postgres" user to run it as';
    if (!onPath('runuser')) return 'running as root, which PostgreSQL refuses, and runuser (util-linux) is not on PATH to run it as "postgres"';
  }
  return undefined;
}

/** The command line that runs a PostgreSQL program as a user it accepts. */
export function asPostgresUser(program: string, args: string[]): [string, string[]] {
  return runsAsRoot() ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
}
