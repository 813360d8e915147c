import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import remarkHtml from 'remark-html';
import { visit } from 'unist-util-visit';

/**
 * GitHub-flavoured markdown (tables, strikethrough, autolinks) rendered to HTML, sanitised with
 * GitHub's schema: no scripts, no event handlers, no `javascript:` links, and no raw HTML at all
 * (an editor is warned of each piece dropped). `sanitize: true` is written out so it cannot be
 * lost to a change of default: content is trusted to editors, but a pasted snippet must not
 * become script on a reader's page.
 */
const processor = remark().use(remarkGfm).use(remarkHtml, { sanitize: true });
/**
 * The same without GFM's syntax, for a body none of GFM's constructs can start in. GFM's
 * extensions try themselves at every word (autolinked e-mail addresses) and every line (tables),
 * and made up three quarters of the parsing of a typical briefing that uses none of them.
 */
const commonMarkProcessor = remark().use(remarkHtml, { sanitize: true });

/**
 * What each GFM construct needs in the source, case-insensitively: a table a `|` or an aligned
 * delimiter (`:-`, `-:`), strikethrough `~`, an autolink `www`, `://` or an e-mail's `@` (or a
 * character reference, `&commat;`, which GFM autolinks once decoded), a footnote `[^`, a task
 * list item `[ ]` or `[x]`. A body with none of them parses to the same tree either way
 * (tests/unit/content/render-markdown.test.ts checks it on generated bodies).
 */
const MAY_USE_GFM = /[|~@&]|:-|-:|www|:\/\/|\[[\s^x]/i;

/** `markdown`'s tree as GFM parses it, without trying GFM's constructs where none can be. */
export function parseMarkdown(markdown: string): Root {
  return (MAY_USE_GFM.test(markdown) ? processor : commonMarkProcessor).parse(markdown);
}

export type RenderedMarkdown = {
  html: string;
  /** The first paragraph alone, for teasers that link to the whole. */
  excerptHtml: string;
  /** Plain text of the first paragraph, for descriptions and previews. */
  excerptText: string;
  /** Plain text of the whole body, one block per paragraph (the text part of update mail). */
  text: string;
};

/** Raw HTML the sanitiser drops, by line of the body (1 = its first line). */
export type DroppedHtml = { line: number; html: string };

/** A link into the site (`/burkina-faso`), to be checked against the pages that exist. */
export type InternalLink = { line: number; url: string };

export type RenderResult = RenderedMarkdown & { rawHtml: DroppedHtml[]; internalLinks: InternalLink[] };

/**
 * Parses the body once; the page HTML, the excerpt (the first paragraph, with the body's link
 * definitions so a reference-style link resolves), the plain texts and what the editor should
 * hear about all come from that one tree.
 */
export function renderMarkdown(markdown: string): RenderResult {
  // remark-gfm only extends the parser and remark-html is the compiler: no transform runs between.
  const tree = parseMarkdown(markdown);
  const first = tree.children.find((node) => node.type === 'paragraph');
  const definitions = tree.children.filter((node) => node.type === 'definition');
  const rawHtml: DroppedHtml[] = [];
  const internalLinks: InternalLink[] = [];
  visit(tree, (node) => {
    const line = node.position?.start.line ?? 1;
    if (node.type === 'html') {
      const tag = /<\/?[a-z][^>]*>/i.exec(node.value)?.[0];
      if (tag) rawHtml.push({ line, html: tag.slice(0, 80) });
    } else if ((node.type === 'link' || node.type === 'definition') && node.url.startsWith('/') && !node.url.startsWith('//')) {
      internalLinks.push({ line, url: node.url });
    }
  });
  return {
    html: toHtml(tree),
    excerptHtml: first ? toHtml({ type: 'root', children: [first, ...definitions] }) : '',
    excerptText: first ? plainText(first) : '',
    text: tree.children
      .map((node) => plainText(node))
      .filter(Boolean)
      .join('\n\n'),
    rawHtml,
    internalLinks,
  };
}

function toHtml(tree: Root): string {
  return String(processor.stringify(tree)).trim();
}

/** Text as a reader sees it: raw HTML (dropped from the page) is dropped here too. */
function plainText(node: RootContent): string {
  if (node.type === 'html' || node.type === 'definition') return '';
  return toString(node, { includeHtml: false }).trim();
}
