import type { ReactNode } from 'react';
import { prerender } from 'react-dom/static';
import { describe, expect, it, vi } from 'vitest';
import { CountryChoices } from '@/components/subscribe-country-choices';
import { SubscribeForm } from '@/components/subscribe-form';
import { SubscribeSection, subscribeFormWords } from '@/components/subscribe-section';
import { htmlText } from '../../e2e/support/live-content';

// Settings are read once per process, on first use: the boxes below read the fictional fixtures.
vi.stubEnv('CONTENT_DIR', 'tests/fixtures/valid');

/** The HTML a server renders, async server components included, as a reader without JavaScript gets it. */
async function html(node: ReactNode): Promise<string> {
  const { prelude } = await prerender(node);
  return new Response(prelude).text();
}

const checkboxes = (markup: string) =>
  [...markup.matchAll(/<input type="checkbox" name="country"( checked="")? value="([^"]+)"\/>/g)].map(([, checked, slug]) => `${slug}${checked ? ' (ticked)' : ''}`);

describe('the subscribe box on a country page', async () => {
  const markup = await html(<SubscribeSection country="freedonia" locale="en" />);

  it('says what the reader will receive, for that country and when, in words of its own', () => {
    expect(markup).toContain('<h2 id="subscribe-heading">Follow Freedonia by email</h2>');
    expect(htmlText(markup)).toContain('Receive the CrisisWatch entry for Freedonia by email, once a month, the day it is published on this site.');
    expect(markup).not.toMatch(/best source|right in your inbox|Email Updates|Crisis Group/);
  });

  it('is a plain form that follows its one country: it posts to the API, country (hidden) and honeypot included', () => {
    expect(markup).toContain('<form class="subscribe-form" action="/api/subscribe" method="post">');
    const email = /<input [^>]*name="email"[^>]*>/.exec(markup)?.[0] ?? '';
    for (const attribute of ['type="email"', 'required=""', 'maxLength="254"', 'autoComplete="email"']) expect(email).toContain(attribute);
    expect(markup).toContain('<input type="hidden" name="country" value="freedonia"/>');
    expect(checkboxes(markup)).toEqual([]);
    expect(markup).toMatch(/<p id="[^"]+-status" class="form-status form-status-idle" role="status"><\/p>/);
  });
});

describe('the subscribe box anywhere else', async () => {
  const markup = await html(<SubscribeSection locale="en" />);

  it('lets the reader tick every country, in a group named for what it is', () => {
    expect(markup).toContain('<h2 id="subscribe-heading">Follow CrisisWatch by email</h2>');
    expect(markup).toMatch(/<fieldset class="[^"]+" aria-describedby="([^"]+-countries-problem)"><legend>Countries to follow<\/legend><p id="\1"[^>]*><\/p>/);
    expect(checkboxes(markup)).toEqual(['freedonia', 'ruritania']);
    expect(markup).not.toContain('type="hidden" name="country"');
  });
});

describe('the country checkboxes', async () => {
  const groups = [
    { region: 'Europe', countries: [{ slug: 'freedonia', name: 'Freedonia' }, { slug: 'ruritania', name: 'Ruritania' }] },
    { region: 'Oceania', countries: [{ slug: 'sylvania', name: 'Sylvania' }] },
  ];
  const markup = await html(<CountryChoices groups={groups} chosen={new Set(['ruritania', 'sylvania'])} />);

  it('are a fieldset per region, its name the legend, each country a labelled box, the chosen ones ticked', () => {
    const fieldsets = [...markup.matchAll(/<fieldset[^>]*><legend>([^<]+)<\/legend>(.*?)<\/fieldset>/g)].map(([, legend, inside]) => [legend, checkboxes(inside!)]);
    expect(fieldsets).toEqual([
      ['Europe', ['freedonia', 'ruritania (ticked)']],
      ['Oceania', ['sylvania (ticked)']],
    ]);
    expect(markup).toContain('<label><input type="checkbox" name="country" checked="" value="sylvania"/>Sylvania</label>');
  });
});

describe('the form after the server refused it (no JavaScript)', () => {
  it('says a country problem next to the countries, and keeps the address typed', async () => {
    const markup = await html(
      <SubscribeForm words={subscribeFormWords('en')} choosesCountries defaultEmail="reader@example.org" problem={{ field: 'country', message: 'Choose at least one country to follow' }}>
        <span>the countries</span>
      </SubscribeForm>,
    );
    expect(markup).toMatch(/aria-describedby="([^"]+)"><legend>Countries to follow<\/legend><p id="\1"[^>]*>Choose at least one country to follow<\/p><span>the countries<\/span>/);
    expect(markup).toContain('value="reader@example.org"');
    expect(markup).toMatch(/class="form-status form-status-idle" role="status"><\/p>/);
  });

  it('says an address problem next to the address, which is marked invalid', async () => {
    const markup = await html(
      <SubscribeForm words={subscribeFormWords('en')} defaultEmail="reader@example" problem={{ field: 'email', message: 'Enter an email address in the form name@example.org' }}>
        <input type="hidden" name="country" value="freedonia" />
      </SubscribeForm>,
    );
    expect(/<input [^>]*name="email"[^>]*>/.exec(markup)?.[0]).toMatch(/aria-invalid="true"/);
    expect(markup).toMatch(/class="form-status form-status-error" role="status">Enter an email address in the form name@example.org<\/p>/);
  });
});
