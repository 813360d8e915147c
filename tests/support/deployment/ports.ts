import net from 'node:net';

/** Asks the OS for a free port by binding port 0; the server that takes it binds a moment later. */
export function freePort(host = '127.0.0.1'): Promise<number> {
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
