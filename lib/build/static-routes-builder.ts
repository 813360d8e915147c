import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_LOCALE } from '../i18n/locales';
import { COMMON_HEADERS, CONTENT_CACHE_CONTROL, contentSecurityPolicy, ENCODING_VARY, PAGE_VARY, withVary } from '../server/response-policy';
import { STATIC_ROUTES_FILE, type StaticRoute, type StaticRoutesManifest } from '../server/static-routes';
import { isCompressibleType, precompressFiles, ROUTE_EFFORT, type Precompressed } from './precompress';
import { loadScriptsAfterPage } from './scripts-after-load';

/** The part of Next's prerender-manifest.json this reads (Next 16). */
const prerenderManifestSchema = z.object({
  routes: z.record(
    z.string(),
    z.object({
      initialStatus: z.number().int().optional(),
      initialHeaders: z.record(z.string(), z.string()).optional(),
      dataRoute: z.string().nullable().optional(),
      routeType: z.enum(['page', 'route']).optional(),
    }),
  ),
});

/** Next's own pages (not-found, global error) are served by Next for the paths that need them. */
const ERROR_PAGES = ['/_not-found', '/_global-error'];
const isInternal = (route: string) => route.split('/').some((segment) => segment.startsWith('_'));
/** Where Next writes a prerendered page's HTML, relative to the build folder. */
const pageFile = (route: string) => path.join('server', 'app', `${route === '/' ? '/index' : route}.html`);
/**
 * The address a route is served at: English pages are built under `/en` (app/[locale]) and
 * served unprefixed (next.config.ts rewrites them), other languages keep their prefix.
 */
export const publicPath = (route: string) => (route === `/${DEFAULT_LOCALE}` ? '/' : route.startsWith(`/${DEFAULT_LOCALE}/`) ? route.slice(DEFAULT_LOCALE.length + 1) : route);
/** Next's bookkeeping headers say nothing to a reader. */
const isInternalHeader = (name: string) => name.startsWith('x-next');

/**
 * Reads the build in `distDir` and writes its static-routes manifest: each prerendered route's
 * file, status and headers, with the SHA-256 of every inline script of each page in its CSP.
 * Each page's framework scripts and its inline payload are moved to after its first paint
 * (scripts-after-load.ts), the payload to a file under `static/payload/`.
 * Each route of a compressible type gets brotli and gzip copies of its file, and then varies
 * with Accept-Encoding.
 */
export async function writeStaticRoutes(distDir: string): Promise<{ file: string; routes: number; pages: number; precompressed: Precompressed[]; precompressMs: number }> {
  const buildId = (await readFile(path.join(distDir, 'BUILD_ID'), 'utf8')).trim();
  const prerender = prerenderManifestSchema.parse(JSON.parse(await readFile(path.join(distDir, 'prerender-manifest.json'), 'utf8')));
  const names = Object.keys(prerender.routes).filter((route) => !isInternal(route));
  const routes: Record<string, StaticRoute> = {};
  let pages = 0;
  const payloads = new Set<string>();
  await forEachLimited(names, 16, async (route) => {
    const entry = prerender.routes[route]!;
    const isPage = entry.routeType === 'page' || (entry.routeType === undefined && entry.dataRoute !== undefined && entry.dataRoute !== null);
    const status = entry.initialStatus ?? 200;
    if (isPage) {
      const file = pageFile(route);
      const built = await readFile(path.join(distDir, file), 'utf8');
      const { html, payload } = loadScriptsAfterPage(built);
      // Before its CSP hashes and its compressed copies, which are of the page as it is served.
      if (html !== built) await writeFile(path.join(distDir, file), html);
      if (payload) {
        await mkdir(path.dirname(path.join(distDir, payload.file)), { recursive: true });
        await writeFile(path.join(distDir, payload.file), payload.text);
        payloads.add(path.join(distDir, payload.file));
      }
      routes[publicPath(route)] = {
        file,
        status,
        headers: {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': contentSecurityPolicy({ hashes: inlineScriptHashes(html) }),
          'cache-control': CONTENT_CACHE_CONTROL,
          vary: PAGE_VARY,
        },
      };
      pages += 1;
    } else {
      const headers = Object.fromEntries(Object.entries(entry.initialHeaders ?? {}).filter(([name]) => !isInternalHeader(name) && name !== 'cache-control'));
      routes[publicPath(route)] = {
        file: path.join('server', 'app', `${route}.body`),
        status,
        headers: { 'content-type': 'application/octet-stream', ...headers, 'cache-control': CONTENT_CACHE_CONTROL },
      };
    }
  });
  const precompressStarted = performance.now();
  // The payloads alongside the pages (the assets' pass leaves their folder alone: it runs alongside this).
  const precompressed = (await Promise.all([precompressRoutes(distDir, routes), precompressFiles([...payloads], ROUTE_EFFORT)])).flat();
  const precompressMs = Math.round(performance.now() - precompressStarted);
  const errorPages = Object.keys(prerender.routes).filter((route) => ERROR_PAGES.includes(route));
  const errorPageScriptHashes = (await Promise.all(errorPages.map(async (route) => inlineScriptHashes(await readFile(path.join(distDir, pageFile(route)), 'utf8'))))).flat();
  const manifest: StaticRoutesManifest = {
    version: 1,
    buildId,
    commonHeaders: { ...COMMON_HEADERS },
    routes: sortedByKey(routes),
    errorPageScriptHashes: [...new Set(errorPageScriptHashes)],
  };
  const file = path.join(distDir, STATIC_ROUTES_FILE);
  await writeFile(file, `${JSON.stringify(manifest, null, 1)}\n`);
  return { file, routes: names.length, pages, precompressed, precompressMs };
}

/**
 * Compressed copies of the file of every route that nginx and the server send as it is (status
 * 200, a compressible type); a route with at least one copy names Accept-Encoding in its Vary.
 * RSC payloads are left alone: only Next sends them, and it compresses on its own.
 */
async function precompressRoutes(distDir: string, routes: Record<string, StaticRoute>): Promise<Precompressed[]> {
  const compressible = Object.values(routes).filter((route) => route.status === 200 && isCompressibleType(route.headers['content-type'] ?? ''));
  const results = await precompressFiles([...new Set(compressible.map((route) => path.join(distDir, route.file)))], ROUTE_EFFORT);
  const copied = new Set(results.filter((result) => result.br !== undefined || result.gzip !== undefined).map((result) => result.file));
  for (const route of compressible) {
    if (copied.has(path.join(distDir, route.file))) route.headers.vary = withVary(route.headers.vary, ENCODING_VARY);
  }
  return results;
}

/**
 * The CSP source of each inline script that a browser would run: `<script>` without src whose
 * type is JavaScript (JSON-LD and other data blocks are not run, so they need no hash). React
 * escapes `</script` inside scripts, so the first closing tag ends each one.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1] ?? '';
    const body = match[2] ?? '';
    if (/\ssrc\s*=/i.test(attributes) || body.length === 0) continue;
    const type = /\stype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
    if (type && !['text/javascript', 'module', 'application/javascript'].includes(type)) continue;
    hashes.add(`sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}`);
  }
  return [...hashes];
}

async function forEachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function sortedByKey<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
