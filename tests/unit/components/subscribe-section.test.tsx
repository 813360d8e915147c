import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { SubscribeSection } from '@/components/subscribe-section';

describe('the subscribe box', () => {
  // Settings are read once per process, on first use: this file's first render reads this name.
  vi.stubEnv('SITE_NAME', 'Freedonia Monitor');
  const html = renderToStaticMarkup(<SubscribeSection country="freedonia" />);

  it('names the site from SITE_NAME, not an organisation written into the code', () => {
    expect(html).toContain('<section class="subscribe" aria-labelledby="subscribe-heading"><h2 id="subscribe-heading">Subscribe to Freedonia Monitor Email Updates</h2>');
    expect(html).not.toMatch(/Crisis Group|Crisis Briefings/);
  });

  it('is a form that works without JavaScript: it posts to the API, country and honeypot included', () => {
    expect(html).toContain('<form class="subscribe-form" action="/api/subscribe" method="post">');
    // The browser's own checks, which the form relies on before the server's rule.
    const email = /<input [^>]*name="email"[^>]*>/.exec(html)?.[0] ?? '';
    for (const attribute of ['type="email"', 'required=""', 'maxLength="254"', 'autoComplete="email"']) expect(email).toContain(attribute);
    expect(html).toContain('<input type="hidden" name="country" value="freedonia"/>');
    expect(html).toMatch(/<p id="[^"]+-status" class="form-status form-status-idle" role="status"><\/p>/);
  });
});
