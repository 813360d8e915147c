import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadStaticRoutes } from '../lib/server/static-routes';
import { renderRouteMaps } from './nginx/route-maps';
import { planStaticRoutes } from './nginx/static-route-plan';

/**
 * `npm run deploy:nginx-routes`: the one generated part of nginx's configuration, the build's
 * prerendered routes (routes.conf), from the build's static-routes.json. Everything else is the
 * ordinary files in deploy/nginx/. Run it after every build (each page's CSP hashes change),
 * then `nginx -t && systemctl reload nginx`.
 */
const USAGE = `Usage: npm run deploy:nginx-routes -- [--dist-dir .next] [--out /etc/nginx/crisis-briefings/routes.conf]

  --dist-dir DIR   the build (NEXT_DIST_DIR) whose routes nginx serves (default .next)
  --out FILE       where to write it (default: standard output); written whole, then renamed`;

export async function writeNginxRoutes(distDir: string, out: string): Promise<{ served: number; skipped: { path: string; reason: string }[] }> {
  const plan = planStaticRoutes(await loadStaticRoutes(distDir));
  const text = renderRouteMaps(plan, path.join(distDir, 'static-routes.json'));
  // nginx must never read a half-written file (a reload at the wrong moment): write, then rename.
  await mkdir(path.dirname(out), { recursive: true });
  const partial = `${out}.${process.pid}.partial`;
  await writeFile(partial, text);
  await rename(partial, out);
  return { served: plan.served.length, skipped: plan.skipped };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'dist-dir': { type: 'string', default: '.next' }, out: { type: 'string' }, help: { type: 'boolean', default: false } } });
  if (values.help) return console.log(USAGE);
  const distDir = path.resolve(values['dist-dir']);
  if (!values.out) {
    const plan = planStaticRoutes(await loadStaticRoutes(distDir));
    process.stdout.write(renderRouteMaps(plan, path.join(distDir, 'static-routes.json')));
    return;
  }
  const out = path.resolve(values.out);
  const { served, skipped } = await writeNginxRoutes(distDir, out);
  console.log(
    [`Wrote ${out}: ${served} prerendered routes served by nginx from ${distDir}, ${skipped.length} left to the app`, ...skipped.map((route) => `  ${route.path}: ${route.reason}`), 'Then: nginx -t && systemctl reload nginx'].join('\n'),
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(1);
  });
}
