import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { hashOf } from '../../lib/content/file-cache';
import { loadContent, type ContentTree } from '../../lib/content/load-content';
import { localizeTree } from '../../lib/content/localize';
import type { Locale } from '../../lib/i18n/locales';
import type { Verdict } from '../../lib/content/schemas';
import { toSearchDocuments, type SearchDocument } from '../../lib/search/documents';
import { buildSearchIndex, type SearchIndex } from '../../lib/search/search-index';
import { searchContent, SEARCH_PAGE_SIZE, type SearchFilters } from '../../lib/search/search';
import { BENCH_FRENCH_SHARE, writeFictionalSite } from '../fixtures/fictional-tree';
import { formatTable, ms, ratio } from './format-table';
import { median, percentile } from './stats';

/**
 * `npm run bench -- search`: the site search on a fictional tree of 50 countries × 240 months
 * (12,000 entries, 2,000 quotes, 50 profiles) generated in a temporary folder, FRENCH_SHARE of the
 * countries also in generated French (profile and months; quotes stay English). For the English
 * edition (the baseline) and the French one (French texts and the English ones not translated,
 * French word handling), prints the time to build each index, its heap, and each query's latency
 * (median and p95 of RUNS runs: the look-up, ranking, the page of hits and its snippets) against a
 * plain scan of the same documents with String.includes (every word, lower-cased, no typos, no
 * ranking, newest first). Figures only; the aim is a query under 50 ms in both languages.
 */
const COUNTRIES = 50;
const MONTHS = 240;
const FRENCH_SHARE = BENCH_FRENCH_SHARE;
const BUILDS = 3;
const RUNS = 25;

export type BenchQuery = { label: string; q: string; filters?: SearchFilters };

/** The same shapes in both languages: English words, and French words for the French edition. */
export function queries(secondCountry: { slug: string; name: string }, locale: Locale): BenchQuery[] {
  const improved: Verdict = 'improved';
  const [en, fr] = [locale === 'en', locale === 'fr'];
  const words = (english: string, french: string) => (fr ? french : english);
  return [
    { label: 'one word', q: 'Zenda' },
    { label: 'one word', q: words('ceasefire', 'médiateurs') },
    { label: 'one word', q: 'Tarlenheim' },
    { label: 'typo', q: 'Tarlenhiem' },
    { label: 'typo', q: words('cesefire', 'mediatuers') },
    { label: 'another form', q: words('mediator', 'mediateur') },
    { label: 'two words', q: words('river militia', 'milice fluviale') },
    { label: 'two words', q: words('grain convoys', 'convois céréales') },
    { label: 'a month', q: `${secondCountry.name} ${words('March', 'mars')} 2010` },
    { label: 'prefix', q: 'parl' },
    { label: 'one word, country', q: 'Zenda', filters: { country: secondCountry.slug } },
    { label: 'one word, verdict', q: 'Zenda', filters: { verdict: improved } },
    { label: 'typo, country + verdict', q: 'Tarlenhiem', filters: { country: secondCountry.slug, verdict: improved } },
    { label: 'two words, country', q: words('river militia', 'milice fluviale'), filters: { country: secondCountry.slug } },
    ...(en ? [] : [{ label: 'stop word + word', q: 'la milice' }]),
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

type EditionFigures = { locale: Locale; documents: number; builds: number[]; preparations: number[]; indexMb?: number; firstQuery: number; rows: string[][]; all: number[] };

/** One edition's index: built BUILDS times (taking turns with the scan's preparation, so a busy moment slows both), then queried. */
async function measureEdition(tree: ContentTree, locale: Locale, second: { slug: string; name: string }): Promise<EditionFigures | undefined> {
  const documents = toSearchDocuments(tree, locale);
  const builds: number[] = [];
  const preparations: number[] = [];
  let index: SearchIndex | undefined;
  let prepared: ScanDocument[] = [];
  for (let round = 0; round < BUILDS; round += 1) {
    index = undefined;
    const build = time(() => buildSearchIndex(tree, locale));
    builds.push(build.ms);
    index = build.value;
    const preparation = time(() => prepareScan(documents));
    preparations.push(preparation.ms);
    prepared = preparation.value;
  }
  if (!index) return undefined;
  const indexMb = await heapOfIndex(() => buildSearchIndex(tree, locale));
  // What the first reader after a start waits for on top of the build: code not yet optimised.
  const firstQuery = time(() => searchContent(index, 'Zenda')).ms;
  const rows: string[][] = [];
  const allIndex: number[] = [];
  const allScan: number[] = [];
  for (const query of queries(second, locale)) {
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
  return { locale, documents: documents.length, builds, preparations, indexMb, firstQuery, rows, all: allIndex };
}

function printEdition(figures: EditionFigures, baseline?: EditionFigures): void {
  const name = figures.locale === 'en' ? 'English edition (baseline)' : `French edition (French texts of ${FRENCH_SHARE * 100}% of the countries, the rest and every quote in English)`;
  console.log(`${name}: ${figures.documents.toLocaleString('en-GB')} documents`);
  const heap = figures.indexMb === undefined ? 'not measured (no way to force a garbage collection here)' : `${figures.indexMb.toFixed(0)} MB`;
  const vsBaseline = baseline?.indexMb !== undefined && figures.indexMb !== undefined ? ` (${ratio(figures.indexMb, baseline.indexMb)} the English index)` : '';
  console.log(
    formatTable(
      ['step', 'median ms', 'min ms', 'max ms'],
      [
        [`build the ${figures.locale} search index (getSearchIndex's work)`, ms(median(figures.builds)), ms(Math.min(...figures.builds)), ms(Math.max(...figures.builds))],
        ['baseline: lower-case every document for the scan', ms(median(figures.preparations)), ms(Math.min(...figures.preparations)), ms(Math.max(...figures.preparations))],
        ['first query after the build ("Zenda", code not yet optimised)', ms(figures.firstQuery), '', ''],
      ],
    ),
  );
  console.log(`index heap: ${heap}${vsBaseline} (V8 heap used after a forced garbage collection, with the index minus without it; the tree itself is not counted)`);
  console.log();
  console.log(formatTable(['query', 'filters', 'hits', 'scan hits', 'median ms', 'p95 ms', 'scan median', 'scan p95', 'vs scan'], figures.rows));
  if (baseline) console.log(`all queries, French against English: median ${ratio(median(figures.all), median(baseline.all))}, p95 ${ratio(percentile(figures.all, 0.95), percentile(baseline.all, 0.95))}`);
  console.log();
}

export async function searchBench(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), `bench-search-${COUNTRIES}x${MONTHS}-`));
  try {
    const counts = await writeFictionalSite(dir, COUNTRIES, MONTHS, 6, FRENCH_SHARE);
    const tree = await loadContent(dir);
    const second = counts.countries[1] ?? counts.countries[0]!;
    console.log(
      `Search: ${COUNTRIES} fictional countries × ${MONTHS} months (${counts.entries.toLocaleString('en-GB')} entries, ${counts.quotes.toLocaleString('en-GB')} quotes, ${COUNTRIES} profiles); ${RUNS} runs a query after one warm-up\n`,
    );
    const english = await measureEdition(tree, 'en', second);
    if (english) printEdition(english);
    const french = await measureEdition(localizeTree(tree, 'fr'), 'fr', second);
    if (french) printEdition(french, english);
    console.log(
      `query = searchContent(): the index (every word, typos and prefixes; French: also by stem; MiniSearch's scoring, lib/search/query-tree.ts), ranking by score then date, page 1 (${SEARCH_PAGE_SIZE} hits) with snippets. scan = String.includes of every word over the same documents, filters applied, newest first (no typos, no prefixes, no stems, no ranking, no snippets). Target: a query under 50 ms median, 100 ms p95.`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
    // The loader's cache of a tree that no longer exists (lib/content/file-cache.ts) would only take space.
    await rm(path.join(process.cwd(), 'node_modules', '.cache', 'crisis-briefings', `content-${hashOf(dir).slice(0, 16)}.json`), { force: true });
  }
}
