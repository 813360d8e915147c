import { availableParallelism } from 'node:os';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { type Compressed } from '../server/content-coding';
import { COMPRESSED_SUFFIX } from '../server/compressed-files';
import { PAYLOAD_FOLDER } from './scripts-after-load';

/**
 * Brotli and gzip copies of the build's text files, written beside each (`<file>.br`,
 * `<file>.gz`), so that nginx (`brotli_static`, `gzip_static`) and `npm start` send them as
 * they are instead of compressing every response again. zlib's asynchronous functions run on
 * libuv's thread pool, so every core compresses.
 */
export type Effort = { brotliQuality: number; gzipLevel: number };

/**
 * Pages, feeds and data files: thousands in an archive build, each compressed once per build.
 * Brotli 6 is the knee: 5 to 8 cost about the same and differ by 1 %, 9 and up cost ten to fifty
 * times as much for 10 % less (docs/benchmarks.md). gzip 6 is zlib's default; 9 gains 0.2 %.
 */
export const ROUTE_EFFORT: Effort = { brotliQuality: 6, gzipLevel: 6 };
/** Next's assets: a few dozen files, each fetched by every reader, so the smallest copies. */
export const ASSET_EFFORT: Effort = { brotliQuality: 11, gzipLevel: 9 };

/** Media types that compress (the type before any parameter). Images other than SVG and fonts in woff2 already are compressed. */
const COMPRESSIBLE_TYPES = new Set([
  'text/html',
  'text/plain',
  'text/csv',
  'text/css',
  'text/xml',
  'application/xml',
  'application/atom+xml',
  'application/rss+xml',
  'application/json',
  'application/javascript',
  'image/svg+xml',
]);
export const isCompressibleType = (contentType: string): boolean => COMPRESSIBLE_TYPES.has(contentType.split(';')[0]!.trim().toLowerCase());

/** The assets under `static/` nginx used to gzip on the fly (site.conf's `/_next/static/` types). */
const COMPRESSIBLE_ASSET = /\.(?:js|mjs|css|json|map|svg|txt|ttf|otf)$/i;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export type Precompressed = { file: string; bytes: number; br?: number; gzip?: number };

/**
 * Writes `<file>.br` and `<file>.gz`, each only when smaller than the file (removing a copy left
 * from an earlier run that no longer is): nginx and the server send whichever exists.
 */
export async function precompressFile(file: string, effort: Effort): Promise<Precompressed> {
  const data = await readFile(file);
  const [br, gz] = await Promise.all([compress(data, 'br', effort), compress(data, 'gzip', effort)]);
  const result: Precompressed = { file, bytes: data.length };
  await Promise.all(
    ([['br', br], ['gzip', gz]] as const).map(async ([coding, compressed]) => {
      const target = `${file}${COMPRESSED_SUFFIX[coding]}`;
      if (compressed.length < data.length) {
        await writeFile(target, compressed);
        result[coding] = compressed.length;
      } else await rm(target, { force: true });
    }),
  );
  return result;
}

/** `data` in one coding at `effort`, on libuv's thread pool (also what the server uses for a page it compresses itself). */
export function compress(data: Buffer, coding: Compressed, effort: Effort): Promise<Buffer> {
  if (coding === 'gzip') return gzip(data, { level: effort.gzipLevel });
  return brotli(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: effort.brotliQuality,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
}

/** Every file of `files`, a few at a time: enough to keep the thread pool busy, few enough to bound memory. */
export async function precompressFiles(files: readonly string[], effort: Effort): Promise<Precompressed[]> {
  const results: Precompressed[] = [];
  let next = 0;
  const worker = async () => {
    while (next < files.length) results.push(await precompressFile(files[next++]!, effort));
  };
  await Promise.all(Array.from({ length: Math.min(files.length, 2 * availableParallelism()) }, worker));
  return results;
}

/** Next's compressible assets under `<distDir>/static/`, compressed at the highest levels. */
export async function precompressAssets(distDir: string): Promise<Precompressed[]> {
  const root = path.join(distDir, 'static');
  const payloads = path.join(root, PAYLOAD_FOLDER);
  const names = (await readdir(root, { recursive: true, withFileTypes: true }))
    // Pages' payloads are written, and compressed, by the static routes' pass, which runs alongside this one.
    .filter((entry) => entry.isFile() && COMPRESSIBLE_ASSET.test(entry.name) && entry.parentPath !== payloads)
    .map((entry) => path.join(entry.parentPath, entry.name));
  return precompressFiles(names, ASSET_EFFORT);
}

/** "N files, X KB → br Y KB, gzip Z KB", for the build's log. */
export function describePrecompressed(results: readonly Precompressed[]): string {
  const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-GB')} KB`;
  const sum = (pick: (result: Precompressed) => number) => results.reduce((total, result) => total + pick(result), 0);
  return `${results.length} files, ${kb(sum((result) => result.bytes))} → br ${kb(sum((result) => result.br ?? result.bytes))}, gzip ${kb(sum((result) => result.gzip ?? result.bytes))}`;
}
