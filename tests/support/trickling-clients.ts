import { connect, type Socket } from 'node:net';

export interface TricklingClients {
  /** Sockets open now. */
  readonly open: number;
  /** Sockets the server closed without answering a byte (refused at once). */
  readonly closedUnanswered: number;
  /** Sockets the server answered (a 408 or 400) before closing them. */
  readonly closedAnswered: number;
  /** Resolves once `count` sockets have connected at the same time (or rejects after `timeoutMs`). */
  allConnected(timeoutMs?: number): Promise<void>;
  stop(): void;
}

/**
 * A slowloris: `count` connections from one address (`from`, a loopback address of its own),
 * each sending the start of a request and then one more header line a second, never finishing.
 * With `reopen`, a socket the server closes is opened again at once, as a flooding client does.
 */
export function trickle(host: string, port: number, options: { count: number; from: string; reopen?: boolean }): TricklingClients {
  const sockets = new Set<Socket>();
  let stopped = false;
  let closedUnanswered = 0;
  let closedAnswered = 0;
  let peak = 0;

  const open = () => {
    if (stopped) return;
    const socket = connect({ host, port, localAddress: options.from });
    let answered = false;
    socket.setNoDelay(true);
    socket.on('connect', () => {
      sockets.add(socket);
      peak = Math.max(peak, sockets.size);
      socket.write(`GET /mali HTTP/1.1\r\nHost: ${host}:${port}\r\n`);
    });
    socket.on('data', () => (answered = true));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const wasOpen = sockets.delete(socket);
      if (!stopped && wasOpen) {
        if (answered) closedAnswered += 1;
        else closedUnanswered += 1;
      }
      // A short pause: a refusing server must not turn this into a busy loop.
      if (options.reopen && !stopped) setTimeout(open, 10);
    });
  };
  for (let index = 0; index < options.count; index += 1) open();
  const ticker = setInterval(() => {
    for (const socket of sockets) if (socket.writable) socket.write(`X-Trickle-${Date.now() % 1000}: a\r\n`);
  }, 1_000);

  return {
    get open() {
      return sockets.size;
    },
    get closedUnanswered() {
      return closedUnanswered;
    },
    get closedAnswered() {
      return closedAnswered;
    },
    async allConnected(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (peak < options.count) {
        if (Date.now() > deadline) throw new Error(`only ${peak} of ${options.count} trickling connections were open at once`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    stop() {
      stopped = true;
      clearInterval(ticker);
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
  };
}
