import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * What one client can hold of the server when nothing stands in front of it (bare `npm start`).
 * Node only checks headersTimeout and requestTimeout every connectionsCheckingInterval (30 s by
 * default), so a socket trickling its headers lived twice as long as its timeout; checking every
 * second closes it on time.
 */
export const SERVER_TIMEOUTS = {
  /** Whole request headers, from the first byte: a reader's browser sends them in one packet. */
  headersTimeout: 10_000,
  /** The whole request, body included (the API takes at most a few KB). */
  requestTimeout: 30_000,
  keepAliveTimeout: 5_000,
  connectionsCheckingInterval: 1_000,
} as const;

/**
 * Closes at once any connection beyond `limit` open ones from the same address, so one client
 * cannot take every socket (and file descriptor) of the process. Behind a trusted proxy every
 * connection comes from the proxy, which has limits of its own: the caller passes 0 (none) then.
 */
export function limitConnectionsPerClient(server: Server, limit: number): void {
  if (limit <= 0) return;
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const count = open.get(address) ?? 0;
    if (count >= limit) {
      socket.destroy();
      return;
    }
    open.set(address, count + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
