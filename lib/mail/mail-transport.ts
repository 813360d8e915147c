import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

/** One message, transport-neutral. */
export type MailMessage = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  /** One line for the server log when mail goes to files (a newcomer finds the link there). */
  logLine?: string;
};

/**
 * The provider boundary for mail: SMTP in production, files on a newcomer's machine. A send
 * either settles within `maxSendMs` or is abandoned by the transport itself, so the outbox can
 * hold a message's claim for longer than any send of it can last.
 */
export type MailTransport = {
  name: string;
  maxSendMs: number;
  /** How many messages it sends at once (pooled SMTP connections). */
  concurrency: number;
  send: (message: MailMessage) => Promise<void>;
  close: () => void;
};

export class MailSendError extends Error {
  /** The receiving server refused this recipient or message for good (5xx): retrying cannot help. */
  readonly permanent: boolean;
  constructor(message: string, options?: { cause?: unknown; permanent?: boolean }) {
    super(message, options);
    this.name = 'MailSendError';
    this.permanent = options?.permanent ?? false;
  }
}

/** Brand check: Next bundles this module more than once, so `instanceof` is not enough. */
export const isPermanentFailure = (error: unknown) => error instanceof Error && error.name === 'MailSendError' && 'permanent' in error && error.permanent === true;

const SMTP_CONNECTIONS = 5;

/**
 * A 5xx answer to RCPT TO or DATA refuses this recipient or this message: a hard bounce. A 5xx
 * anywhere else (MAIL FROM, authentication) or a 503 (bad command sequence) is our side's fault.
 */
export function isPermanentRejection(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, responseCode, command } = error as Error & { code?: unknown; responseCode?: unknown; command?: unknown };
  if (typeof responseCode !== 'number' || responseCode < 500 || responseCode >= 600 || responseCode === 503) return false;
  return (code === 'EENVELOPE' || code === 'EMESSAGE') && command !== 'MAIL FROM';
}

/**
 * SMTP through nodemailer, over a pool of connections kept open between messages; SMTP_URL
 * carries host, port, credentials and TLS. nodemailer's own timeouts allow minutes per step;
 * here each step gets `timeoutMs`, and the whole send is aborted once `timeoutMs` has passed.
 */
export function createSmtpTransport(smtpUrl: string, timeoutMs = 30_000): MailTransport {
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: SMTP_CONNECTIONS,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
  });
  return {
    name: 'smtp',
    maxSendMs: timeoutMs,
    concurrency: SMTP_CONNECTIONS,
    async send(message) {
      try {
        await transporter.sendMail({ ...envelopeOf(message), signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        throw new MailSendError(`SMTP delivery failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error, permanent: isPermanentRejection(error) });
      }
    },
    close: () => transporter.close(),
  };
}

/**
 * Writes each message as an .eml file (the exact bytes SMTP would send) under `dir`, so the
 * site subscribes and confirms on a machine without a mail server.
 */
export function createFileTransport(dir: string, log: (line: string) => void = () => {}): MailTransport {
  return {
    name: 'file',
    // A local disk write; generous, it only sets how long the outbox holds a claim.
    maxSendMs: 30_000,
    concurrency: 4,
    async send(message) {
      const { raw, messageId } = await composeMessage(message);
      await mkdir(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const file = path.join(dir, `${stamp}-${messageId.replace(/[^a-z0-9]/gi, '').slice(0, 24)}.eml`);
      await writeFile(file, raw);
      log(`mail: wrote ${file} (${message.subject})${message.logLine ? `; ${message.logLine}` : ''}`);
    },
    close: () => {},
  };
}

const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

/** The message as the bytes SMTP would carry (for .eml files and previews). */
export async function composeMessage(message: MailMessage): Promise<{ raw: Buffer; messageId: string }> {
  const info = await composer.sendMail(envelopeOf(message));
  const raw: unknown = info.message;
  if (!Buffer.isBuffer(raw)) throw new MailSendError('The mail composer returned no message');
  return { raw, messageId: info.messageId };
}

/** What nodemailer sends: the message without our log line. */
function envelopeOf({ from, to, subject, text, html, headers }: MailMessage) {
  return { from, to, subject, text, html, headers };
}
