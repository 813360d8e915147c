import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { loadContent } from '../../lib/content/load-content';
import { localizeTree } from '../../lib/content/localize';
import { buildSearchIndex } from '../../lib/search/search-index';
import { searchContent } from '../../lib/search/search';
import { BENCH_FRENCH_SHARE, fictionalCountries, writeFictionalSite } from '../fixtures/fictional-tree';
import { queries } from './search-bench';

/**
 * `npx tsx tests/bench/search-results-snapshot.ts <tree folder> <out.json>`: what a reader gets for
 * every query of the search bench, in both editions, on the bench's 50 × 240 fictional tree
 * (written into the folder if it is missing): every hit of every query in order, with its title
 * and snippet marks, the counts, and pages 1, 2 and the last of ten. Run it before and after a
 * change to search and compare the two files: a change that only makes search faster leaves
 * them identical.
 */
async function main(): Promise<void> {
  const [dir, out] = process.argv.slice(2);
  if (!dir || !out) throw new Error('usage: search-results-snapshot.ts <tree folder> <out.json>');
  if (!existsSync(dir)) {
    await mkdir(dir, { recursive: true });
    await writeFictionalSite(dir, 50, 240, 6, BENCH_FRENCH_SHARE);
  }
  const tree = await loadContent(dir);
  // The country the bench filters by (the second one written).
  const second = fictionalCountries(2)[1]!;
  const snapshot: Record<string, unknown> = {};
  for (const locale of ['en', 'fr'] as const) {
    const index = buildSearchIndex(locale === 'en' ? tree : localizeTree(tree, 'fr'), locale);
    for (const query of [...queries(second, locale), { label: 'page 2', q: 'Zenda' }, { label: 'OR fallback', q: 'Zenda qwxzvb' }]) {
      const all = searchContent(index, query.q, query.filters, 1, 1_000_000);
      const first = searchContent(index, query.q, query.filters);
      const pages = [2, first.pageCount].map((page) => searchContent(index, query.q, query.filters, page));
      const digest = createHash('sha256').update(JSON.stringify(all)).digest('hex');
      const key = `${locale} ${query.label}: ${query.q} ${JSON.stringify(query.filters ?? {})}`;
      snapshot[key] = { total: all.total, matchedAllWords: all.matchedAllWords, digest, first, pages };
      console.log(key, all.total, digest.slice(0, 12));
    }
  }
  await writeFile(out, JSON.stringify(snapshot, null, 1));
}

void main();
