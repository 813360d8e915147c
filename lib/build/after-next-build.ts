import path from 'node:path';
import { build } from 'esbuild';
import { ConfigError, getSettings } from '../config/settings';
import { SERVER_BUNDLE } from '../server/server-bundle';
import { writeStaticRoutes } from './static-routes-builder';

/**
 * The second half of `npm run build`, after `next build`: the static-routes manifest (headers
 * and CSP hashes of every prerendered route) and the production server, compiled from
 * lib/server/ into one file in the build folder, so `npm start` runs plain JavaScript.
 */
async function main(): Promise<void> {
  const distDir = path.resolve(getSettings().NEXT_DIST_DIR);
  const started = performance.now();
  const { file, routes, pages } = await writeStaticRoutes(distDir);
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
  console.log(`Wrote ${path.relative(process.cwd(), file)} (${routes} prerendered routes, ${pages} pages with CSP hashes) and ${path.relative(process.cwd(), path.join(distDir, SERVER_BUNDLE))} in ${took} ms`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
