import type { MailMessage, MailTransport } from '@/lib/mail/mail-transport';

/** A transport that keeps what it was given, and can be told to fail like a server that is down. */
export function recordingTransport(): MailTransport & { sent: MailMessage[]; failing: boolean } {
  const transport = {
    name: 'recording',
    maxSendMs: 1_000,
    concurrency: 1,
    sent: [] as MailMessage[],
    failing: false,
    async send(message: MailMessage) {
      if (transport.failing) throw new Error('connect ECONNREFUSED 127.0.0.1:2525');
      transport.sent.push(message);
    },
    close() {},
  };
  return transport;
}

export function linksOf(message: MailMessage) {
  const confirm = /\/subscribe\/confirm\?token=([\w-]+)/.exec(message.text)?.[1];
  const unsubscribe = /\/unsubscribe\?token=([\w-]+)/.exec(message.text)?.[1];
  if (!confirm || !unsubscribe) throw new Error(`no links in:\n${message.text}`);
  return { confirm, unsubscribe };
}
