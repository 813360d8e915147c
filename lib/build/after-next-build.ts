import path from 'node:path';
import { build } from 'esbuild';
import { ConfigError, getSettings } from '../config/settings';
import { loadContent } from '../content/load-content';
import { writePublishedEntries } from '../subscriptions/published-entries';
import { SERVER_BUNDLE } from '../server/server-bundle';
import { writeStaticRoutes } from './static-routes-builder';

/**
 * The second half of `npm run build`, after `next build`: the static-routes manifest (headers
 * and CSP hashes of every prerendered route) and the production server, compiled from
 * lib/server/ into one file in the build folder, so `npm start` runs plain JavaScript.
 */
async function main(): Promise<void> {
  const settings = getSettings();
  const distDir = path.resolve(settings.NEXT_DIST_DIR);
  const started = performance.now();
  const { file, routes, pages } = await writeStaticRoutes(distDir);
  // The same content `next build` just rendered (it would have failed on a bad file).
  const published = await writePublishedEntries(distDir, await loadContent(path.resolve(settings.CONTENT_DIR)));
  await build({
    entryPoints: [path.resolve('lib/server/main.ts')],
    outfile: path.join(distDir, SERVER_BUNDLE),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // next, zod and the rest are loaded from node_modules at run time, as Next itself does.
    packages: 'external',
    logLevel: 'warning',
  });
  const took = Math.round(performance.now() - started);
  console.log(
    `Wrote ${path.relative(process.cwd(), file)} (${routes} prerendered routes, ${pages} pages with CSP hashes), ${path.relative(process.cwd(), published.file)} (${published.entries} entries for the update mail) and ${path.relative(process.cwd(), path.join(distDir, SERVER_BUNDLE))} in ${took} ms`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
