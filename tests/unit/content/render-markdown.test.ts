import fc from 'fast-check';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, renderMarkdown } from '@/lib/content/render-markdown';

describe('renderMarkdown sanitises what an editor pastes', () => {
  it('drops script elements', async () => {
    const { html } = await renderMarkdown('Before\n\n<script>alert("x")</script>\n\nAfter');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('Before');
    expect(html).toContain('After');
  });

  it('drops event handler attributes', async () => {
    const { html } = await renderMarkdown('<img src="x.png" onerror="alert(1)" alt="x">\n\n<p onclick="alert(2)">Hi</p>');
    expect(html).not.toMatch(/onerror|onclick|alert/i);
  });

  it('drops javascript: links, in markdown and in HTML', async () => {
    const { html } = await renderMarkdown('[click](javascript:alert(1)) and <a href="javascript:alert(2)">this</a>');
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toContain('click');
  });

  it('drops iframes and styles', async () => {
    const { html } = await renderMarkdown('<iframe src="https://example.org"></iframe><style>body{display:none}</style>Text');
    expect(html).not.toMatch(/<iframe|<style/i);
  });

  it('keeps ordinary markdown: emphasis, links and paragraphs', async () => {
    const { html, excerptHtml, excerptText } = await renderMarkdown('A **bold** [link](https://example.org/a).\n\nSecond.');
    expect(html).toBe('<p>A <strong>bold</strong> <a href="https://example.org/a">link</a>.</p>\n<p>Second.</p>');
    expect(excerptHtml).toBe('<p>A <strong>bold</strong> <a href="https://example.org/a">link</a>.</p>');
    expect(excerptText).toBe('A bold link.');
  });
});

describe('renderMarkdown parses once and derives everything from the tree', () => {
  it('resolves a reference-style link in the excerpt, as on the page', async () => {
    const { html, excerptHtml, excerptText } = await renderMarkdown('Read [the report][r] first.\n\nMore.\n\n[r]: https://example.org/report');
    expect(html).toContain('<a href="https://example.org/report">the report</a>');
    expect(excerptHtml).toBe('<p>Read <a href="https://example.org/report">the report</a> first.</p>');
    expect(excerptText).toBe('Read the report first.');
  });

  it('keeps raw HTML out of the excerpt text (the meta description) and the plain text', async () => {
    const { excerptText, text } = await renderMarkdown('Talks <span class="x">resumed</span> in <b>March</b>.\n\n<div>Block</div>\n\nLast.');
    expect(excerptText).toBe('Talks resumed in March.');
    expect(text).not.toMatch(/[<>]/);
  });

  it('renders GFM tables, strikethrough and autolinks', async () => {
    const { html } = await renderMarkdown('| Month | Verdict |\n|---|---|\n| May | Unchanged |\n\n~~old~~ see https://example.org');
    expect(html).toContain('<table>');
    expect(html).toContain('<td>Unchanged</td>');
    expect(html).toContain('<del>old</del>');
    expect(html).toContain('<a href="https://example.org">https://example.org</a>');
  });

  it('reports each piece of raw HTML it drops, with its line in the body', async () => {
    const { rawHtml, html } = await renderMarkdown('First line.\n\nSecond a<br>b.\n\n<div>\nblock\n</div>');
    expect(html).toContain('ab');
    expect(rawHtml).toEqual([
      { line: 3, html: '<br>' },
      { line: 5, html: '<div>' },
    ]);
  });
});

describe('parseMarkdown leaves GFM out only where it would change nothing', () => {
  const gfm = remark().use(remarkGfm);
  // Pieces of CommonMark syntax and near misses of GFM's markers (`ww.`, `:`, `-`, `[` before a
  // letter, `http:/`), so the bodies generated mix every kind of block and inline the two parsers
  // could disagree on; bodies that do hold a GFM marker take the GFM parser and are not the question.
  const piece = fc.constantFrom(
    'word', 'Été', ' ', '  ', '    ', '\t', '\n', '\n\n', '**', '*', '_', '`', '```', '#', '## ', '> ', '- ', '* ', '+ ', '1. ', '2) ',
    '---', '===', ':', ' : ', '-', '--', '[', ']', '[a]', '(', ')', '![', '<', '>', '<b>', '</b>', '<div>', '<http://x.org>',
    '!', '.', ',', '\\', '\\[', 'ww.', 'w.w', 'http:', 'http:/', 'ftp', '/', '"', "'", '=', '1', '2024', '[link](/mali)', '[ref]: /mali', '[ref]',
  );
  const body = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(''));

  it('parses a body to the same tree, positions included, as the GFM parser does', () => {
    fc.assert(
      fc.property(body, (markdown) => {
        expect(parseMarkdown(markdown)).toEqual(gfm.parse(markdown));
      }),
      { numRuns: 2000 },
    );
  }, 60_000);

  it('still parses GFM where a body uses it', () => {
    for (const markdown of ['a | b\n-|-\n1 | 2', 'a\n:-', '~~gone~~', 'see www.example.org', 'mail a@b.org', 'x &commat; y.org', 'note[^1]\n\n[^1]: n', '- [x] done']) {
      expect(parseMarkdown(markdown)).toEqual(gfm.parse(markdown));
    }
  });
});
