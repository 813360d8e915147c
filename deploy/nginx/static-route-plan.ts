import type { StaticRoutesManifest } from '../../lib/server/static-routes';
import { servingLocation, type ServingLocation } from './serving-locations';
import { isWritable } from './syntax';

/** A prerendered route nginx answers itself. */
export type ServedRoute = {
  path: string;
  /** Relative to the build folder. */
  file: string;
  contentType: string;
  /**
   * The headers its location takes from routes.conf's maps (lower-case names). Content-type is
   * the location's `default_type`, and the headers every route of the type shares are written out there.
   */
  headers: Record<string, string>;
};

export type StaticRoutePlan = {
  served: ServedRoute[];
  /** Routes left to the app, each with the reason. */
  skipped: { path: string; reason: string }[];
};

/** nginx writes these itself (or they describe the connection): a manifest value would be a second copy. */
const NGINX_OWNS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'date', 'server', 'etag', 'last-modified', 'accept-ranges']);

/**
 * A route is rewritten to the file's path inside the build, so the path must be one nginx
 * takes literally: no query or fragment marks, no percent-escapes, no climbing out of the build.
 */
const UNSAFE_FILE = /[\s?#%"'\\;{}]/;

function skipReason(path: string, file: string, status: number): string | undefined {
  if (status !== 200) return `status ${status}: stock nginx serves a file only with 200, so the app answers it`;
  if (!path.startsWith('/') || !isWritable(path)) return 'the path has a "$" or a control character';
  if (!isWritable(file) || UNSAFE_FILE.test(file)) return `the file name ${JSON.stringify(file)} has a character nginx would not take literally`;
  if (file.startsWith('/') || file.split(/[\\/]/).includes('..')) return `the file ${JSON.stringify(file)} is outside the build folder`;
  return undefined;
}

/** Why the location for the route's type cannot send the route's headers as they are, if it cannot. */
function headerMismatch(location: ServingLocation, headers: Record<string, string>): string | undefined {
  const where = `deploy/nginx/crisis-briefings/site.conf's /_prerendered/${location.name}/ location`;
  for (const [name, value] of Object.entries(location.fixed)) {
    if (headers[name] !== value) return `its ${name} header is ${headers[name] === undefined ? 'absent' : JSON.stringify(headers[name])}, where ${where} sends ${JSON.stringify(value)}`;
  }
  const unserved = Object.keys(headers).find((name) => !(name in location.fixed) && !location.perRoute.includes(name));
  return unserved === undefined ? undefined : `${where} does not add its ${unserved} header`;
}

/** Which routes nginx serves from the build and with what headers; the rest are the app's. */
export function planStaticRoutes(manifest: StaticRoutesManifest): StaticRoutePlan {
  const served: ServedRoute[] = [];
  const skipped: StaticRoutePlan['skipped'] = [];
  for (const [path, route] of Object.entries(manifest.routes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const headers = Object.fromEntries(Object.entries(route.headers).map(([name, value]) => [name.toLowerCase(), value]));
    const unwritable = Object.entries(headers).find(([, value]) => !isWritable(value));
    const reason = skipReason(path, route.file, route.status) ?? (unwritable ? `its ${unwritable[0]} header has a "$" or a control character` : undefined);
    if (reason) {
      skipped.push({ path, reason });
      continue;
    }
    const { 'content-type': contentType = 'application/octet-stream', ...rest } = headers;
    const kept = Object.fromEntries(Object.entries(rest).filter(([name]) => !NGINX_OWNS.has(name)));
    const location = servingLocation(contentType);
    if (!location) {
      skipped.push({ path, reason: `deploy/nginx/crisis-briefings/site.conf has no location for its content type ${JSON.stringify(contentType)}` });
      continue;
    }
    const mismatch = headerMismatch(location, kept);
    if (mismatch) {
      skipped.push({ path, reason: mismatch });
      continue;
    }
    const perRoute = Object.fromEntries(Object.entries(kept).filter(([name]) => location.perRoute.includes(name)));
    served.push({ path, file: route.file.replaceAll('\\', '/'), contentType, headers: perRoute });
  }
  return { served, skipped };
}
