// The part of unix-dgram (which ships no types) that the service-manager notifier and its tests use.
declare module 'unix-dgram' {
  import type { EventEmitter } from 'node:events';

  interface UnixDgramSocket extends EventEmitter {
    bind(path: string): void;
    send(buffer: Buffer, offset: number, length: number, path: string, callback?: (error?: Error) => void): void;
    close(): void;
    on(event: 'message', listener: (message: Buffer) => void): this;
    on(event: 'error' | 'listening', listener: (error?: Error) => void): this;
  }

  export function createSocket(type: 'unix_dgram', listener?: (message: Buffer) => void): UnixDgramSocket;
  export type { UnixDgramSocket };
}
