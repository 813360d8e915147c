import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import next from 'next';
import { settingsOrExit, type Settings } from '../config/settings';
import { limitConnectionsPerClient, SERVER_TIMEOUTS } from './connection-limits';
import { isDraining, markDraining, runShutdownHooks } from './lifecycle';
import { createBuildFileServer } from './build-files';
import { serveDirectly } from './direct-routes';
import { deferScriptsOfPage, isPageRequest } from './document-after-paint';
import { refuseUnservedMethod } from './method-policy';
import { writeWebResponse } from './web-bridge';
import { applyRequestPolicy } from './request-policy';
import { connectServiceManager } from './service-manager';
import { loadStaticRoutes, type StaticRoutesManifest } from './static-routes';

/**
 * The production server (`npm start`): Next.js behind a plain Node HTTP server. It exists for
 * what `next start` does not do: it refuses to start with a bad setting (every one named, exit
 * code 1, never "Ready"); it trusts forwarded headers only from a configured proxy; it gives each
 * prerendered page its CSP hashes and everything else a nonce; it sends prerendered routes and
 * Next's assets straight from the build, compressed copies included (build-files.ts); it moves
 * the scripts of the pages Next renders per request to after their first paint, as the build
 * does for the others, and compresses them itself (document-after-paint.ts); and on SIGTERM it
 * stops taking requests, answers the ones under way, stops the outbox and closes the database,
 * then exits.
 */
async function main(): Promise<void> {
  const settings = settingsOrExit('server');
  const serviceManager = await connectServiceManager();
  const distDir = path.resolve(settings.NEXT_DIST_DIR);
  const staticRoutes = await loadStaticRoutes(distDir).catch((error: unknown) => {
    // Served without the per-page hashes, prerendered pages would have their scripts blocked.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });

  // This server listens; Next only builds its internal URLs from hostname and port. They must be
  // the same for every request, or a proxy.ts rewrite looks external to Next (HOST=127.0.0.1
  // made Next proxy rewrites to itself over the network). next.config.ts reads NEXT_DIST_DIR too.
  const app = next({ dev: false, dir: process.cwd(), hostname: 'localhost', port: settings.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const buildFiles = createBuildFileServer(distDir, staticRoutes);
  const server = createServer(SERVER_TIMEOUTS, (request, response) => serve(request, response, { handle, buildFiles }, settings, staticRoutes));
  limitConnectionsPerClient(server, settings.TRUST_PROXY > 0 ? 0 : settings.CLIENT_CONNECTION_LIMIT);
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    // A client that sends garbage or goes away mid-request: answer if we still can, log nothing.
    if (socket.writable && error.code !== 'ECONNRESET') socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  server.listen(settings.PORT, settings.HOST, () => {
    console.log(`Ready on http://${settings.HOST}:${settings.PORT}`);
    serviceManager.ready();
  });
  server.on('error', (error) => {
    console.error(`The server could not listen on ${settings.HOST}:${settings.PORT}: ${error.message}`);
    process.exit(1);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    serviceManager.stopping();
    void shutdown(server, settings.SHUTDOWN_TIMEOUT_MS, signal).then(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

type Handlers = {
  handle: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
  buildFiles: ReturnType<typeof createBuildFileServer>;
};

function serve(request: IncomingMessage, response: ServerResponse, { handle, buildFiles }: Handlers, settings: Settings, staticRoutes: StaticRoutesManifest): void {
  const facts = applyRequestPolicy(request, response, { trustProxy: settings.TRUST_PROXY, staticRoutes });
  const { pathname, malformed } = facts;
  // New connections are not kept open while draining, so clients move to another instance.
  if (isDraining()) response.setHeader('connection', 'close');
  // A broken percent-encoding is the client's mistake: Next answered it 500.
  if (malformed) return void writeWebResponse(new Response('This address is not valid: its %-encoding is broken.\n', { status: 400 }), response, request);
  if (refuseUnservedMethod(request, response, pathname) || serveDirectly(request, response, pathname)) return;
  const withNext = () => {
    if (isPageRequest(request, facts.dataRequest)) deferScriptsOfPage(request, response, facts.nonce);
    return handle(request, response).catch((error: unknown) => {
      console.error('server: unhandled failure', error);
      if (!response.headersSent) {
        response.statusCode = 500;
        response.end('Something went wrong on our side.\n');
      } else response.destroy();
    });
  };
  if (!buildFiles.serve(request, response, facts, withNext)) void withNext();
}

/**
 * Stops taking connections, lets the requests under way finish (up to `timeoutMs`), then runs the
 * services' shutdown hooks (the outbox finishes the message it is sending; the pool closes).
 */
async function shutdown(server: ReturnType<typeof createServer>, timeoutMs: number, signal: string): Promise<void> {
  console.log(`${signal}: draining; readiness now answers 503`);
  markDraining();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const deadline = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
  if ((await Promise.race([closed.then(() => 'closed' as const), deadline])) === 'timeout') {
    console.warn(`${signal}: requests still open after ${timeoutMs} ms; closing them`);
    server.closeAllConnections();
  }
  await runShutdownHooks(timeoutMs);
  console.log(`${signal}: stopped`);
}


main().catch((error: unknown) => {
  console.error('The server could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
