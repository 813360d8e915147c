import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/**
 * Every prerendered route of a build (pages, feeds, data files, images): the file that holds
 * its bytes, its status and the headers to serve it with, CSP hashes of its inline scripts
 * included. Written after `next build` (lib/build/), read by the app server and turned into
 * nginx's configuration by the deployment, so both serve a route the same way.
 */
const routeSchema = z.object({
  /** Relative to the build folder (NEXT_DIST_DIR). */
  file: z.string().min(1),
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
});

const manifestSchema = z.object({
  version: z.literal(1),
  buildId: z.string().min(1),
  commonHeaders: z.record(z.string(), z.string()),
  routes: z.record(z.string(), routeSchema),
  /**
   * Hashes of the inline scripts of Next's prerendered error pages (not found, global error),
   * which Next serves as they are, without a nonce, whatever the path that failed.
   */
  errorPageScriptHashes: z.array(z.string()),
});

export type StaticRoute = z.infer<typeof routeSchema>;
export type StaticRoutesManifest = z.infer<typeof manifestSchema>;

export const STATIC_ROUTES_FILE = 'static-routes.json';

export class StaticRoutesError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StaticRoutesError';
  }
}

/** The manifest of the build in `distDir`; refuses one written for another build. */
export async function loadStaticRoutes(distDir: string): Promise<StaticRoutesManifest> {
  const file = path.join(distDir, STATIC_ROUTES_FILE);
  let manifest: StaticRoutesManifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  } catch (error) {
    throw new StaticRoutesError(`${file} is missing or unreadable: run \`npm run build\` (it writes it after next build)`, { cause: error });
  }
  const buildId = (await readFile(path.join(distDir, 'BUILD_ID'), 'utf8')).trim();
  if (manifest.buildId !== buildId) throw new StaticRoutesError(`${file} belongs to build ${manifest.buildId}, not ${buildId}: run \`npm run build\``);
  return manifest;
}
