import net, { type Socket } from 'node:net';

/**
 * - `pass`: bytes flow both ways.
 * - `hang`: connections are accepted and kept open, but nothing flows either way, as with a frozen
 *   network or a stopped server. Bytes (and a close) are held, not dropped: the proxy stops reading
 *   its sockets, so they wait in its buffers and the kernel's. Back in `pass`, everything held is
 *   delivered in order, so a hung connection carries on uncorrupted (a client that gave up in the
 *   meantime sees the late reply, as after a real network blip). A connection accepted while
 *   hung reaches the target only then. To drop hung connections instead, go through `refuse`.
 * - `refuse`: existing connections are reset and new ones are reset as soon as they are accepted
 *   (the client sees ECONNRESET or a close, not ECONNREFUSED: the port stays bound).
 */
export type TcpProxyMode = 'pass' | 'hang' | 'refuse';

export interface TcpProxy {
  readonly port: number;
  readonly mode: TcpProxyMode;
  setMode(mode: TcpProxyMode): void;
  /** Client connections currently open through the proxy. */
  connections(): number;
  /** Destroys every connection and stops listening; safe to call twice. */
  close(): Promise<void>;
}

interface Link {
  client: Socket;
  upstream?: Socket;
  connected: boolean;
}

function reset(socket: Socket | undefined): void {
  if (!socket || socket.destroyed) return;
  try {
    socket.resetAndDestroy();
  } catch {
    socket.destroy();
  }
}

/** A TCP proxy on 127.0.0.1 whose mode the test sets, to make a server look down or hung. */
export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  let mode: TcpProxyMode = 'pass';
  const links = new Set<Link>();
  const flowing = (link: Link) => mode === 'pass' && link.connected;

  // No pipe(): it resumes a paused source on 'drain', which would let bytes through a hang.
  function forward(link: Link, from: Socket, to: Socket): void {
    from.on('data', (chunk: Buffer) => {
      if (to.write(chunk)) return;
      from.pause();
      to.once('drain', () => {
        if (flowing(link)) from.resume();
      });
    });
    from.on('end', () => to.end());
    // An error on one side is a reset for the other; a clean close has already ended it.
    from.on('close', (hadError) => {
      if (hadError) reset(to);
    });
  }

  function connectUpstream(link: Link): void {
    const upstream = net.connect(targetPort, targetHost);
    upstream.pause();
    upstream.on('error', () => {});
    link.upstream = upstream;
    upstream.once('connect', () => {
      link.connected = true;
      forward(link, link.client, upstream);
      forward(link, upstream, link.client);
      if (flowing(link)) resume(link);
    });
    // Target down: the client sees its connection reset.
    upstream.once('close', (hadError) => {
      if (hadError && !link.connected) reset(link.client);
    });
  }

  function resume(link: Link): void {
    link.client.resume();
    link.upstream?.resume();
  }

  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    client.on('error', () => {});
    if (mode === 'refuse') return reset(client);
    client.pause(); // explicitly, so a 'data' listener cannot start the flow on its own
    const link: Link = { client, connected: false };
    links.add(link);
    client.once('close', () => {
      links.delete(link);
      if (!link.connected) reset(link.upstream);
    });
    if (mode === 'pass') connectUpstream(link);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });

  return {
    port: (server.address() as net.AddressInfo).port,
    get mode() {
      return mode;
    },
    setMode(next) {
      mode = next;
      const current = [...links];
      if (next === 'refuse') links.clear();
      for (const link of current) {
        if (next === 'refuse') {
          reset(link.client);
          reset(link.upstream);
        } else if (next === 'hang') {
          link.client.pause();
          link.upstream?.pause();
        } else if (!link.upstream) {
          connectUpstream(link);
        } else if (link.connected) {
          resume(link);
        }
      }
    },
    connections: () => links.size,
    close() {
      for (const link of links) {
        link.client.destroy();
        link.upstream?.destroy();
      }
      links.clear();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
