import { expect } from 'vitest';
import { htmlText } from '../../e2e/support/live-content';

/** The hidden first line of the HTML part: what a mail client shows beside the subject. */
export function preheaderOf(html: string): string {
  const hidden = /<body[^>]*>\s*<div style="display:none[^"]*">([\s\S]*?)<\/div>/.exec(html)?.[1];
  return htmlText((hidden ?? '').replace(/&#8203;|&zwnj;|&nbsp;/g, '')).trim();
}

/** What a reader sees in the HTML part, piece by piece (each block and each link), in order; the preheader left out. */
export function visibleBlocks(html: string): string[] {
  const body = html.replace(/^[\s\S]*?<body[^>]*>\s*<div style="display:none[^"]*">[\s\S]*?<\/div>/, '');
  return body
    .split(/<\/?(?:p|h1|div|td|tr|table|br|a)\b[^>]*>/)
    .map(htmlText)
    .filter((block) => /[\p{L}\p{N}]/u.test(block));
}

/** The text part says what the HTML part shows, in the same order. */
export function expectTextMirrorsHtml(message: { text: string; html: string }) {
  const text = message.text.replace(/\s+/g, ' ');
  let from = 0;
  for (const block of visibleBlocks(message.html)) {
    const at = text.indexOf(block, from);
    expect(at, `"${block}" in the text part, after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + block.length;
  }
}
