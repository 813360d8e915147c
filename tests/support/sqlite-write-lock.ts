import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/** What the holder runs: opens the file, takes SQLite's write lock, and keeps it until told on stdin. */
const HOLDER = `
const db = new (require('better-sqlite3'))(process.argv[1], { timeout: 60000 });
db.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\\n');
process.stdin.once('data', () => { db.exec('ROLLBACK'); db.close(); process.stdout.write('released\\n'); process.exit(0); });
`;

export type WriteLock = { release: () => Promise<void> };

/**
 * Holds a SQLite file's write lock from another process (BEGIN IMMEDIATE, as the outbox worker,
 * an export or a backup does while it writes), until `release`. Resolves once the lock is held.
 */
export function holdSqliteWriteLock(file: string): Promise<WriteLock> {
  const child = spawn(process.execPath, ['-e', HOLDER, file], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  const printed = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (output.includes(text)) resolve();
        else if (child.exitCode !== null) reject(new Error(`the lock holder exited before "${text}": ${output}`));
        else setTimeout(check, 10);
      };
      check();
    });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A holder that already exited cannot be written to; its lock went with it.
  child.stdin.on('error', () => {});
  return printed('locked').then(() => ({
    async release() {
      if (child.exitCode === null) child.stdin.write('release\n');
      await exited;
    },
  }));
}
