import { performance } from 'node:perf_hooks';
import { loadContent } from '../../lib/content/load-content';

/**
 * Child process of the benchmark: `load-once.ts <content dir> <warm runs>`. The first load pays
 * for module initialisation and JIT warm-up, as a build does; the later ones show the steady state.
 * Prints one line of JSON: { firstMs, warmMs: number[], files }.
 */
async function main(contentDir: string, warmRuns: number): Promise<void> {
  const timings: number[] = [];
  let files = 0;
  for (let run = 0; run <= warmRuns; run += 1) {
    const start = performance.now();
    const { countries } = await loadContent(contentDir);
    timings.push(performance.now() - start);
    files = countries.reduce((sum, country) => sum + 1 + country.entries.length + country.quotes.length, 0);
  }
  const [firstMs, ...warmMs] = timings;
  process.stdout.write(`${JSON.stringify({ firstMs, warmMs, files })}\n`);
}

const [contentDir, warmRuns = '5'] = process.argv.slice(2);
if (!contentDir) {
  console.error('usage: load-once.ts <content dir> [warm runs]');
  process.exit(2);
}
main(contentDir, Number(warmRuns)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
