import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpRejection {
  /** 5xx: permanent, the sender gives up; 4xx: temporary, the sender should retry. */
  code: number;
  message: string;
}

export interface SmtpSinkOptions {
  /** Default: a free port. */
  port?: number;
  /** How long the server waits, from the DATA command, before accepting the message: a slow server. */
  delayMs?: number;
  /** Called for each RCPT TO address; a rejection answers that recipient with its code. */
  reject?: (to: string) => SmtpRejection | undefined;
  /** false: only count messages, so parsing does not dominate a throughput benchmark. Default true. */
  parse?: boolean;
}

export interface SmtpSink {
  port: number;
  /** smtp://127.0.0.1:PORT */
  url: string;
  /** Every accepted message, parsed (empty when `parse` is false). */
  received: ParsedMail[];
  /** Messages accepted so far. */
  count(): number;
  setDelay(ms: number): void;
  close(): Promise<void>;
}

/** The shape smtp-server answers with: its message after the given reply code. */
class SmtpReplyError extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
  }
}

function drain(stream: Readable): Promise<undefined> {
  return new Promise((resolve, reject) => {
    stream.on('error', reject);
    stream.on('end', () => resolve(undefined));
    stream.resume();
  });
}

/** A real SMTP server on 127.0.0.1 that keeps what it accepts: no STARTTLS, any credentials or none. */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const received: ParsedMail[] = [];
  let accepted = 0;
  let delayMs = options.delayMs ?? 0;
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    // A client still connected (a pooled transport) would otherwise hold close() for 30 s.
    closeTimeout: 200,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'anonymous' });
    },
    onRcptTo(address, _session, callback) {
      const rejection = options.reject?.(address.address);
      callback(rejection && new SmtpReplyError(rejection.code, rejection.message));
    },
    onData(stream, _session, callback) {
      // The delay runs while the message arrives, so a slow server is slow by delayMs, not delayMs plus parsing.
      const message = options.parse === false ? drain(stream) : simpleParser(stream);
      Promise.all([message, sleep(delayMs)]).then(([mail]) => {
        if (mail) received.push(mail);
        accepted += 1;
        callback();
      }, callback);
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    count: () => accepted,
    setDelay(ms) {
      delayMs = ms;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
