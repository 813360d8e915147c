import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '@/lib/content/render-markdown';

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
