import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from '@playwright/test';
import { simpleParser, type ParsedMail } from 'mailparser';
import { E2E_MAIL_DIR } from './sites';

export type ReceivedMail = { mail: ParsedMail; confirmUrl: string; unsubscribeUrl: string };

/** Waits for the .eml the site wrote for `to` and reads its links, as a mail client would. */
export async function waitForMail(to: string): Promise<ReceivedMail> {
  let found: ParsedMail | undefined;
  await expect
    .poll(
      async () => {
        const names = await readdir(E2E_MAIL_DIR).catch(() => []);
        for (const name of names) {
          const mail = await simpleParser(await readFile(path.join(E2E_MAIL_DIR, name)));
          const recipients = [mail.to ?? []].flat().flatMap((address) => address.value.map((entry) => entry.address));
          if (recipients.includes(to)) found = mail;
        }
        return found !== undefined;
      },
      { timeout: 15_000, message: `a message to ${to} in ${E2E_MAIL_DIR}` },
    )
    .toBe(true);
  const mail = found!;
  const text = mail.text ?? '';
  const confirmUrl = /https?:\/\/\S+\/subscribe\/confirm\?token=[\w-]+/.exec(text)?.[0];
  const unsubscribeUrl = /https?:\/\/\S+\/unsubscribe\?token=[\w-]+/.exec(text)?.[0];
  if (!confirmUrl || !unsubscribeUrl) throw new Error(`no links in the message to ${to}:\n${text}`);
  return { mail, confirmUrl, unsubscribeUrl };
}

/** A fresh address per test and project, so runs never see each other's mail. */
export function uniqueAddress(label: string): string {
  return `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;
}
