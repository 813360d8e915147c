import { remark } from 'remark';
import remarkHtml from 'remark-html';
import type { Root, RootContent } from 'mdast';

/**
 * remark-html sanitises by default (GitHub's schema: no scripts, no event handlers, no
 * `javascript:` links). Never pass `sanitize: false`: content is trusted to editors, but a
 * pasted snippet should not become script on a reader's page.
 */
const processor = remark().use(remarkHtml);

export type RenderedMarkdown = {
  html: string;
  /** The first paragraph alone, for teasers that link to the whole. */
  excerptHtml: string;
  /** Plain text of the first paragraph, for descriptions and previews. */
  excerptText: string;
  /** Plain text of the whole body, one block per paragraph (the text part of update mail). */
  text: string;
};

export async function renderMarkdown(markdown: string): Promise<RenderedMarkdown> {
  const tree = processor.parse(markdown);
  const first = tree.children.find((node) => node.type === 'paragraph');
  const start = first?.position?.start.offset;
  const end = first?.position?.end.offset;
  const excerptSource = start !== undefined && end !== undefined ? markdown.slice(start, end) : '';
  return {
    html: await toHtml(markdown),
    excerptHtml: await toHtml(excerptSource),
    excerptText: first ? plainText(first) : '',
    text: tree.children.map((node) => plainText(node).trim()).filter(Boolean).join('\n\n'),
  };
}

async function toHtml(markdown: string): Promise<string> {
  return String(await processor.process(markdown)).trim();
}

function plainText(node: RootContent | Root): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return node.children.map((child) => plainText(child)).join('');
  return '';
}
