import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { hashOf } from '../../lib/content/file-cache';

/**
 * Child process of the archive benchmark: `read-hash-once.ts <content dir> <passes>`. The floor
 * under any loader that trusts a cache keyed by content hash: list the tree, read every markdown
 * file (64 at a time with fs/promises, as the loader did before it read synchronously: kept, so
 * figures compare across runs) and hash it with the loader's own hash. Prints one line of JSON:
 * { firstMs, warmMs: number[], files }.
 */
const CONCURRENCY = 64;

async function readAndHash(contentDir: string): Promise<number> {
  const files = (await readdir(contentDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => path.join(entry.parentPath, entry.name));
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      hashOf(await readFile(file, 'utf8'));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return files.length;
}

async function main(contentDir: string, passes: number): Promise<void> {
  const timings: number[] = [];
  let files = 0;
  for (let pass = 0; pass <= passes; pass += 1) {
    const start = performance.now();
    files = await readAndHash(contentDir);
    timings.push(performance.now() - start);
  }
  const [firstMs, ...warmMs] = timings;
  process.stdout.write(`${JSON.stringify({ firstMs, warmMs, files })}\n`);
}

const [contentDir, passes = '5'] = process.argv.slice(2);
if (!contentDir) {
  console.error('usage: read-hash-once.ts <content dir> [later passes]');
  process.exit(2);
}
main(contentDir, Number(passes)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
