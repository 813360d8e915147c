import path from 'node:path';
import { ConfigError, getSettings } from '../config/settings';
import { loadContent } from '../content/load-content';
import { writePublishedEntries } from '../subscriptions/published-entries';
import { compileProduction } from './compile-production';
import { writeStaticRoutes } from './static-routes-builder';

/**
 * The second half of `npm run build`, after `next build`: the static-routes manifest (headers
 * and CSP hashes of every prerendered route), and the production server and operators' commands,
 * compiled into the build folder, so `npm start`, `npm run db:migrate` and the rest run plain
 * JavaScript.
 */
async function main(): Promise<void> {
  const settings = getSettings();
  const distDir = path.resolve(settings.NEXT_DIST_DIR);
  const started = performance.now();
  const { file, routes, pages } = await writeStaticRoutes(distDir);
  // The same content `next build` just rendered (it would have failed on a bad file).
  const published = await writePublishedEntries(distDir, await loadContent(path.resolve(settings.CONTENT_DIR)));
  const compiled = await compileProduction(distDir);
  const took = Math.round(performance.now() - started);
  console.log(
    `Wrote ${path.relative(process.cwd(), file)} (${routes} prerendered routes, ${pages} pages with CSP hashes), ${path.relative(process.cwd(), published.file)} (${published.entries} entries for the update mail) and ${compiled.map((file) => path.relative(process.cwd(), file)).join(', ')} in ${took} ms`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
