import type { ParsedMail } from 'mailparser';

/** A header as sent, unfolded (mailparser restructures List-* headers, so read the raw line). */
export function rawHeader(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((header) => header.key === name.toLowerCase())?.line;
  return line?.replace(/\r?\n[ \t]+/g, ' ').replace(/^[^:]+:\s*/, '');
}
