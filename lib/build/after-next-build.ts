import path from 'node:path';
import { ConfigError, getSettings } from '../config/settings';
import { loadContent } from '../content/load-content';
import { writePublishedEntries } from '../subscriptions/published-entries';
import { compileProduction } from './compile-production';
import { describePrecompressed, precompressAssets } from './precompress';
import { writeStaticRoutes } from './static-routes-builder';

/**
 * The second half of `npm run build`, after `next build`: the static-routes manifest (headers
 * and CSP hashes of every prerendered route), brotli and gzip copies of the text files of routes
 * and assets (sent as they are by nginx and `npm start`), and the production server and
 * operators' commands, compiled into the build folder, so `npm start`, `npm run db:migrate` and
 * the rest run plain JavaScript.
 */
async function main(): Promise<void> {
  const settings = getSettings();
  const distDir = path.resolve(settings.NEXT_DIST_DIR);
  const started = performance.now();
  const since = (from: number) => Math.round(performance.now() - from);
  // Compression runs on libuv's threads, the rest on this one: side by side.
  const [{ file, routes, pages, precompressed, precompressMs }, assets, published, compiled] = await Promise.all([
    writeStaticRoutes(distDir),
    precompressAssets(distDir).then((results) => ({ results, ms: since(started) })),
    // The same content `next build` just rendered (it would have failed on a bad file).
    loadContent(path.resolve(settings.CONTENT_DIR)).then((content) => writePublishedEntries(distDir, content)),
    compileProduction(distDir),
  ]);
  console.log(
    `Wrote ${path.relative(process.cwd(), file)} (${routes} prerendered routes, ${pages} pages with CSP hashes), ${path.relative(process.cwd(), published.file)} (${published.entries} entries for the update mail) and ${compiled.map((file) => path.relative(process.cwd(), file)).join(', ')} in ${since(started)} ms`,
  );
  console.log(
    `Compressed copies (brotli, gzip): routes ${describePrecompressed(precompressed)} (in ${precompressMs} ms); assets ${describePrecompressed(assets.results)} (in ${assets.ms} ms)`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
