import { createSocket } from 'unix-dgram';

/** A stand-in for systemd's notification socket: the datagrams a process sent to it, in order. */
export interface NotifySocket {
  readonly path: string;
  readonly messages: string[];
  close(): void;
}

export function listenForNotifications(path: string, onMessage?: (message: string) => void): NotifySocket {
  const messages: string[] = [];
  const socket = createSocket('unix_dgram', (buffer) => {
    const message = buffer.toString();
    messages.push(message);
    onMessage?.(message);
  });
  socket.bind(path);
  return { path, messages, close: () => socket.close() };
}
