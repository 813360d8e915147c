import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { hashOf } from '../../lib/content/file-cache';
import { loadContent } from '../../lib/content/load-content';
import type { Verdict } from '../../lib/content/schemas';
import { toSearchDocuments, type SearchDocument } from '../../lib/search/documents';
import { buildSearchIndex, type SearchIndex } from '../../lib/search/search-index';
import { searchContent, SEARCH_PAGE_SIZE, type SearchFilters } from '../../lib/search/search';
import { writeFictionalSite } from '../fixtures/fictional-tree';
import { formatTable, ms, ratio } from './format-table';
import { median, percentile } from './stats';

/**
 * `npm run bench -- search`: the site search on a fictional tree of 50 countries × 240 months
 * (12,000 entries, 2,000 quotes, 50 profiles) generated in a temporary folder. Prints the time to
 * build the index, and each query's latency (median and p95 of RUNS runs: MiniSearch, ranking,
 * the page of hits and its snippets) against a baseline in the same run: a plain scan of the same
 * documents with String.includes (every word, lower-cased, no typos, no ranking, newest first).
 * Figures only; the aim is a query under 50 ms.
 */
const COUNTRIES = 50;
const MONTHS = 240;
const BUILDS = 3;
const RUNS = 25;

type Query = { label: string; q: string; filters?: SearchFilters };

function queries(secondCountry: { slug: string; name: string }): Query[] {
  const improved: Verdict = 'improved';
  return [
    { label: 'one word', q: 'Zenda' },
    { label: 'one word', q: 'ceasefire' },
    { label: 'one word', q: 'Tarlenheim' },
    { label: 'typo', q: 'Tarlenhiem' },
    { label: 'typo', q: 'cesefire' },
    { label: 'two words', q: 'river militia' },
    { label: 'two words', q: 'grain convoys' },
    { label: 'a month', q: `${secondCountry.name} March 2010` },
    { label: 'prefix', q: 'parl' },
    { label: 'one word, country', q: 'Zenda', filters: { country: secondCountry.slug } },
    { label: 'one word, verdict', q: 'Zenda', filters: { verdict: improved } },
    { label: 'typo, country + verdict', q: 'Tarlenhiem', filters: { country: secondCountry.slug, verdict: improved } },
    { label: 'two words, country', q: 'river militia', filters: { country: secondCountry.slug } },
    { label: 'no match', q: 'qwxzvb' },
  ];
}

/** The baseline: what a search without an index costs. */
type ScanDocument = { document: SearchDocument; text: string };

function prepareScan(documents: SearchDocument[]): ScanDocument[] {
  return documents.map((document) => ({ document, text: `${document.title} ${document.lead} ${document.body}`.toLowerCase() }));
}

function scan(prepared: ScanDocument[], q: string, filters: SearchFilters = {}): { total: number; page: SearchDocument[] } {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  const found = prepared.filter(
    ({ document, text }) =>
      (!filters.country || document.country.slug === filters.country) && (!filters.verdict || document.verdict === filters.verdict) && words.every((word) => text.includes(word)),
  );
  found.sort((a, b) => (b.document.date ?? '').localeCompare(a.document.date ?? ''));
  return { total: found.length, page: found.slice(0, SEARCH_PAGE_SIZE).map(({ document }) => document) };
}

/** The heap an index holds: heap used after a full collection with it, minus without it. */
async function heapOfIndex(build: () => SearchIndex): Promise<number | undefined> {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
  if (typeof gc !== 'function') return undefined;
  const collect = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    return process.memoryUsage().heapUsed;
  };
  const without = await collect();
  const index = build();
  const withIndex = await collect();
  // Read after the measurement, so the index is alive during it.
  return index.documents.length > 0 ? (withIndex - without) / 1024 / 1024 : 0;
}

function time<T>(work: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = work();
  return { ms: performance.now() - started, value };
}

export async function searchBench(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), `bench-search-${COUNTRIES}x${MONTHS}-`));
  try {
    const counts = await writeFictionalSite(dir, COUNTRIES, MONTHS);
    const tree = await loadContent(dir);
    const documents = toSearchDocuments(tree, 'en');
    // Builds take turns with the baseline's preparation, so a busy moment slows both.
    const builds: number[] = [];
    const preparations: number[] = [];
    let index: SearchIndex | undefined;
    let prepared: ScanDocument[] = [];
    for (let round = 0; round < BUILDS; round += 1) {
      index = undefined;
      const build = time(() => buildSearchIndex(tree, 'en'));
      builds.push(build.ms);
      index = build.value;
      const preparation = time(() => prepareScan(documents));
      preparations.push(preparation.ms);
      prepared = preparation.value;
    }
    if (!index) return;
    const indexMb = await heapOfIndex(() => buildSearchIndex(tree, 'en'));
    // What the first reader after a start waits for on top of the build: code not yet optimised.
    const firstQuery = time(() => searchContent(index, 'Zenda')).ms;
    const second = counts.countries[1] ?? counts.countries[0]!;
    const rows: string[][] = [];
    const allIndex: number[] = [];
    const allScan: number[] = [];
    for (const query of queries(second)) {
      const indexTimes: number[] = [];
      const scanTimes: number[] = [];
      let hits = 0;
      let scanHits = 0;
      searchContent(index, query.q, query.filters); // warm-up: the first call compiles the code path
      for (let run = 0; run < RUNS; run += 1) {
        const searched = time(() => searchContent(index, query.q, query.filters));
        indexTimes.push(searched.ms);
        hits = searched.value.total;
        const scanned = time(() => scan(prepared, query.q, query.filters));
        scanTimes.push(scanned.ms);
        scanHits = scanned.value.total;
      }
      allIndex.push(...indexTimes);
      allScan.push(...scanTimes);
      const filters = [query.filters?.country, query.filters?.verdict].filter(Boolean).join(' + ') || '—';
      rows.push([
        `${query.label}: "${query.q}"`,
        filters,
        hits.toLocaleString('en-GB'),
        scanHits.toLocaleString('en-GB'),
        ms(median(indexTimes)),
        ms(percentile(indexTimes, 0.95)),
        ms(median(scanTimes)),
        ms(percentile(scanTimes, 0.95)),
        ratio(median(indexTimes), median(scanTimes)),
      ]);
    }
    rows.push(['all queries', '', '', '', ms(median(allIndex)), ms(percentile(allIndex, 0.95)), ms(median(allScan)), ms(percentile(allScan, 0.95)), ratio(median(allIndex), median(allScan))]);
    console.log(
      `Search: ${COUNTRIES} fictional countries × ${MONTHS} months, ${documents.length.toLocaleString('en-GB')} documents (${counts.entries.toLocaleString('en-GB')} entries, ${counts.quotes.toLocaleString('en-GB')} quotes, ${COUNTRIES} profiles); ${RUNS} runs a query after one warm-up`,
    );
    console.log(
      formatTable(
        ['step', 'median ms', 'min ms', 'max ms'],
        [
          ['build the MiniSearch index (getSearchIndex\'s work)', ms(median(builds)), ms(Math.min(...builds)), ms(Math.max(...builds))],
          ['baseline: lower-case every document for the scan', ms(median(preparations)), ms(Math.min(...preparations)), ms(Math.max(...preparations))],
          ['first query after the build ("Zenda", code not yet optimised)', ms(firstQuery), '', ''],
        ],
      ),
    );
    console.log(
      indexMb === undefined
        ? 'index heap: not measured (no way to force a garbage collection here)'
        : `index heap: ${indexMb.toFixed(0)} MB (V8 heap used after a forced garbage collection, with the index minus without it; the tree itself is not counted)`,
    );
    console.log();
    console.log(
      formatTable(['query', 'filters', 'hits', 'scan hits', 'median ms', 'p95 ms', 'scan median', 'scan p95', 'vs scan'], rows),
    );
    console.log(
      `query = searchContent(): MiniSearch (every word, typos and prefixes), ranking by score then date, page 1 (${SEARCH_PAGE_SIZE} hits) with snippets. scan = String.includes of every word over the same documents, filters applied, newest first (no typos, no prefixes, no ranking, no snippets). Target: a query under 50 ms.`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
    // The loader's cache of a tree that no longer exists (lib/content/file-cache.ts) would only take space.
    await rm(path.join(process.cwd(), 'node_modules', '.cache', 'crisis-briefings', `content-${hashOf(dir).slice(0, 16)}.json`), { force: true });
  }
}
