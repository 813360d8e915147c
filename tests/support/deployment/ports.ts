import net from 'node:net';

const canBind = (port: number, host: string): Promise<boolean> =>
  new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });

/** TEST_PORT_RANGE=3400-3499: on a machine shared by several test runs, each keeps to its own ports. */
function portRange(): { from: number; to: number } | undefined {
  const match = /^(\d+)-(\d+)$/.exec(process.env.TEST_PORT_RANGE?.trim() ?? '');
  if (!match) return undefined;
  const [from, to] = [Number(match[1]), Number(match[2])];
  return from >= 1 && from <= to && to <= 65_535 ? { from, to } : undefined;
}

/**
 * A free port: one of TEST_PORT_RANGE when it is set (starting at a random one, so parallel
 * callers rarely race for the same), else whatever the OS gives for port 0. The server that
 * takes it binds a moment later.
 */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const range = portRange();
  if (range) {
    const size = range.to - range.from + 1;
    const start = Math.floor(Math.random() * size);
    for (let step = 0; step < size; step += 1) {
      const port = range.from + ((start + step) % size);
      if (await canBind(port, host)) return port;
    }
    throw new Error(`no free port in TEST_PORT_RANGE ${range.from}-${range.to} on ${host}`);
  }
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves when `port` can be bound on `host`; otherwise rejects naming the port. */
export function assertPortFree(port: number, host = '127.0.0.1'): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(`port ${port} on ${host} is not free (${error.code ?? error.message}): choose another one`)),
    );
    server.listen(port, host, () => server.close(() => resolve()));
  });
}
