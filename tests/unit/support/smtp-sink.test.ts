import { setTimeout as sleep } from 'node:timers/promises';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink';

const message = (to: string | string[], subject = 'A briefing') => ({ from: 'Briefings <updates@example.org>', to, subject, text: `Dear reader,\n${subject}.` });

describe('the SMTP sink', () => {
  let sink: SmtpSink | undefined;
  afterEach(() => sink?.close());

  it('receives and parses what nodemailer sends, over plain SMTP, with or without credentials', async () => {
    sink = await startSmtpSink();
    expect(sink.url).toBe(`smtp://127.0.0.1:${sink.port}`);
    await nodemailer.createTransport(sink.url).sendMail(message('reader@example.org', 'Mali: unchanged'));
    const withCredentials = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, auth: { user: 'app', pass: 'secret' } });
    await withCredentials.sendMail(message('other@example.org'));
    expect(sink.count()).toBe(2);
    const [first] = sink.received;
    expect(first?.subject).toBe('Mali: unchanged');
    expect(first?.text).toBe('Dear reader,\nMali: unchanged.\n');
    expect([first?.to].flat()[0]?.text).toBe('reader@example.org');
    expect(first?.from?.value).toEqual([{ address: 'updates@example.org', name: 'Briefings' }]);
  });

  it('answers a rejected recipient with its code: permanent 5xx, temporary 4xx', async () => {
    sink = await startSmtpSink({
      reject: (to) => {
        if (to.startsWith('gone@')) return { code: 550, message: 'No such mailbox' };
        if (to.startsWith('full@')) return { code: 452, message: 'Mailbox full, try later' };
        return undefined;
      },
    });
    const transport = nodemailer.createTransport(sink.url);
    await expect(transport.sendMail(message('gone@example.org'))).rejects.toMatchObject({ responseCode: 550, response: expect.stringContaining('No such mailbox') });
    await expect(transport.sendMail(message('full@example.org'))).rejects.toMatchObject({ responseCode: 452 });
    expect(sink.count()).toBe(0);
    // One recipient refused does not stop the message for the others.
    const info = await transport.sendMail(message(['reader@example.org', 'full@example.org']));
    expect(info.accepted).toEqual(['reader@example.org']);
    expect(info.rejected).toEqual(['full@example.org']);
    expect(sink.count()).toBe(1);
  });

  it('delays accepting a message by delayMs, changeable while it runs', async () => {
    sink = await startSmtpSink({ delayMs: 400 });
    const transport = nodemailer.createTransport(sink.url);
    let started = Date.now();
    const sent = transport.sendMail(message('reader@example.org'));
    await sleep(200);
    expect(sink.count()).toBe(0);
    await sent;
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(sink.count()).toBe(1);

    // Without a delay the message is accepted at once: well before a delay the test could notice,
    // however busy the machine (a bound of 400 ms failed under load).
    sink.setDelay(0);
    const quick = transport.sendMail(message('reader@example.org')).then(() => 'accepted');
    expect(await Promise.race([quick, sleep(5_000).then(() => 'still waiting')])).toBe('accepted');
    sink.setDelay(600);
    started = Date.now();
    await transport.sendMail(message('reader@example.org'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
  });

  it('with parse: false only counts, for throughput benchmarks', async () => {
    sink = await startSmtpSink({ parse: false });
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, pool: true, maxConnections: 2 });
    await Promise.all(Array.from({ length: 5 }, (_, index) => transport.sendMail(message(`reader${index}@example.org`))));
    transport.close();
    expect(sink.count()).toBe(5);
    expect(sink.received).toEqual([]);
  });
});
