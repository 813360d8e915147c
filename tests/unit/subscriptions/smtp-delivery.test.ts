import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { describe, expect, it } from 'vitest';
import { rawHeader } from '../../mail-headers';
import { createSmtpTransport } from '@/lib/mail/mail-transport';
import { drainOutbox } from '@/lib/subscriptions/outbox';
import { confirmSubscription, listConfirmedSubscribers, requestSubscription, unsubscribe } from '@/lib/subscriptions/subscriber-store';
import { startSmtpSink } from '../../support/smtp-sink';
import { onEachBackend } from './backends';

const SETTINGS = { siteUrl: 'https://briefings.example.org', siteName: 'Crisis Briefings', from: 'Crisis Briefings <updates@example.org>', confirmTtlHours: 48 };

/** A real SMTP server on 127.0.0.1 that keeps what it receives. */
function startSmtp(port = 0): Promise<{ server: SMTPServer; port: number; received: ParsedMail[] }> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve({ server, port: (server.server.address() as AddressInfo).port, received })));
}

const stop = (server: SMTPServer) => new Promise<void>((resolve) => server.close(() => resolve()));

onEachBackend('mail through a real SMTP server', (currentStore) => {
  it('delivers the confirmation; its links confirm and unsubscribe in one click', async () => {
    const store = currentStore();
    const smtp = await startSmtp();
    const transport = createSmtpTransport(`smtp://127.0.0.1:${smtp.port}`);
    try {
      await requestSubscription(store, { email: 'reader@example.org', countries: ['mali'] }, new Date());
      expect(await drainOutbox(store, transport, SETTINGS)).toEqual({ sent: 1, failed: 0, skipped: 0, undeliverable: 0 });
      const [mail] = smtp.received;
      expect(mail?.subject).toBe('Confirm your subscription to Crisis Briefings');
      expect(rawHeader(mail!, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
      const unsubscribeUrl = /^<(https:\/\/briefings\.example\.org\/unsubscribe\?token=[\w-]+)>$/.exec(rawHeader(mail!, 'List-Unsubscribe') ?? '')?.[1];
      const confirmToken = /\/subscribe\/confirm\?token=([\w-]+)/.exec(mail?.text ?? '')?.[1];
      expect(unsubscribeUrl).toBeDefined();
      expect((await confirmSubscription(store, confirmToken, new Date())).state).toBe('confirmed');
      expect(await listConfirmedSubscribers(store)).toHaveLength(1);
      expect(await unsubscribe(store, new URL(unsubscribeUrl!).searchParams.get('token'), new Date())).toBe('valid');
      expect(await listConfirmedSubscribers(store)).toHaveLength(0);
    } finally {
      transport.close();
      await stop(smtp.server);
    }
  });

  it('queues the message through an outage and delivers it once the server is back', async () => {
    const store = currentStore();
    const first = await startSmtp();
    const port = first.port;
    await stop(first.server);
    const transport = createSmtpTransport(`smtp://127.0.0.1:${port}`);
    const now = new Date();
    try {
      await requestSubscription(store, { email: 'patient@example.org' }, now);
      expect(await drainOutbox(store, transport, SETTINGS, () => now)).toEqual({ sent: 0, failed: 1, skipped: 0, undeliverable: 0 });
      const back = await startSmtp(port);
      try {
        const due = new Date(now.getTime() + 60_000);
        expect(await drainOutbox(store, transport, SETTINGS, () => due)).toEqual({ sent: 1, failed: 0, skipped: 0, undeliverable: 0 });
        expect(back.received.map((mail) => mail.to && [mail.to].flat()[0]?.text)).toEqual(['patient@example.org']);
        // Delivered once: nothing left to send.
        expect(await drainOutbox(store, transport, SETTINGS, () => due)).toEqual({ sent: 0, failed: 0, skipped: 0, undeliverable: 0 });
      } finally {
        // The pool keeps its connection open, and the server's close waits for it.
        transport.close();
        await stop(back.server);
      }
    } finally {
      transport.close();
    }
  });
});

describe('a slow SMTP server', () => {
  it('is given up on after the transport timeout, so the outbox claim (longer than that) never lapses while a send is under way', async () => {
    const sink = await startSmtpSink({ delayMs: 10_000 });
    const transport = createSmtpTransport(sink.url, 1_000);
    try {
      expect(transport.maxSendMs).toBe(1_000);
      const attempt = transport.send({ from: 'a@example.org', to: 'b@example.org', subject: 's', text: 't', html: '<p>t</p>', headers: {} });
      await expect(attempt).rejects.toThrow(/SMTP delivery failed/);
    } finally {
      transport.close();
      await sink.close();
    }
  }, 8_000);
});
