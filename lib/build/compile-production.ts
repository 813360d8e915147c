import path from 'node:path';
import { build } from 'esbuild';
import { COMMANDS_FOLDER, COMPILED_COMMANDS, SERVER_BUNDLE } from '../server/server-bundle';

/**
 * Compiles the production server (lib/server/main.ts) and the operators' commands (migrate,
 * export, update status, outbox worker) into the build folder, so `npm start` and those commands
 * run plain JavaScript after `npm prune --omit=dev`, and always from the same build as the pages.
 * Returns the files written.
 */
export async function compileProduction(distDir: string): Promise<string[]> {
  const entryPoints: Record<string, string> = { [SERVER_BUNDLE.replace(/\.mjs$/, '')]: path.resolve('lib/server/main.ts') };
  for (const [name, source] of Object.entries(COMPILED_COMMANDS)) entryPoints[`${COMMANDS_FOLDER}/${name}`] = path.resolve(source);
  await build({
    entryPoints,
    outdir: distDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // next, zod and the rest are loaded from node_modules at run time, as Next itself does: they
    // are production dependencies, kept by `npm prune --omit=dev`.
    packages: 'external',
    logLevel: 'warning',
  });
  return Object.keys(entryPoints).map((name) => path.join(distDir, `${name}.mjs`));
}
