import { describe, expect, it } from 'vitest';
import type { Country, CrisisWatchEntry } from '@/lib/content';
import { ALERT_ENCODING, VERDICT_ENCODING } from '@/lib/content/verdicts';
import { updateMessage } from '@/lib/mail/update-message';
import { expectTextMirrorsHtml, preheaderOf, visibleBlocks } from './mail-parts';

const entry = (month: string, verdict: CrisisWatchEntry['verdict'], alerts: CrisisWatchEntry['alerts'], html: string, text: string): CrisisWatchEntry => ({
  country: 'freedonia',
  month,
  period: { from: `${month}-01`, to: `${month}-27` },
  verdict,
  alerts,
  lead: 'Talks <stalled> & resumed in the fictional capital.',
  notify: true,
  draft: false,
  html,
  excerptHtml: html,
  excerptText: text,
  text,
});

const country: Country = {
  name: 'Freedonia & Sylvania',
  region: ['Fiction'],
  slug: 'freedonia',
  profileHtml: '',
  profileExcerpt: '',
  quotes: [],
  entries: [
    entry('2024-12', 'deteriorated', ['conflict-risk-alert', 'resolution-opportunity'], '<p>See <a href="/ruritania">Ruritania</a> and <a href="https://example.org/x">a report</a>.</p>', 'See Ruritania and a report.'),
    entry('2024-11', 'improved', [], '<p>November.</p>', 'November.'),
    entry('2024-10', 'unchanged', [], '<p>October.</p>', 'October.'),
  ],
};

// The text symbols, as lib/content/verdicts.ts defines them for every place that draws them.
const [DETERIORATED, IMPROVED, UNCHANGED] = (['deteriorated', 'improved', 'unchanged'] as const).map((verdict) => VERDICT_ENCODING[verdict].symbol);
const [RISK, OPPORTUNITY] = (['conflict-risk-alert', 'resolution-opportunity'] as const).map((alert) => ALERT_ENCODING[alert].symbol);

const message = updateMessage({
  siteUrl: 'https://briefings.example.org',
  siteName: 'Freedonia Monitor',
  from: 'Briefings <updates@example.org>',
  to: 'ana@example.org',
  country,
  entry: country.entries[0]!,
  manageToken: 'T'.repeat(43),
  locale: 'en',
});

describe('the update message', () => {
  it('names the country, the month and the verdict in its subject, capitalised as its heading and the verdict line', () => {
    expect(message.subject).toBe('Freedonia & Sylvania, December 2024: Deteriorated Situation');
    expect(visibleBlocks(message.html).slice(0, 4)).toEqual([
      'Freedonia Monitor',
      'CrisisWatch · Freedonia & Sylvania',
      'Freedonia & Sylvania, December 2024',
      `Trends in December 2024: ${DETERIORATED} Deteriorated Situation`,
    ]);
  });

  it('carries the site’s name on the brand colour, as the site’s header does', () => {
    expect(message.html).toMatch(/<td style="background:#1d3557;[^"]*"><a href="https:\/\/briefings\.example\.org" style="color:#ffffff;[^"]*">Freedonia Monitor<\/a><\/td>/);
  });

  it('says the verdict looking back and each alert looking ahead, with its text symbol in its colour', () => {
    expect(message.text).toContain(
      [`Trends in December 2024: ${DETERIORATED} Deteriorated Situation`, `Outlook for January 2025: ${RISK} Conflict Risk Alert`, `Outlook for January 2025: ${OPPORTUNITY} Resolution Opportunity`].join('\n'),
    );
    expect(message.html).toContain(`Trends in December 2024: <span style="color:#a4161a;white-space:nowrap;">${DETERIORATED} Deteriorated Situation</span>`);
    expect(message.html).toContain(`Outlook for January 2025: <span style="color:#8a4b00;white-space:nowrap;">${RISK} Conflict Risk Alert</span>`);
    expect(message.html).toContain(`Outlook for January 2025: <span style="color:#5b3e96;white-space:nowrap;">${OPPORTUNITY} Resolution Opportunity</span>`);
  });

  it('lists the last months in the same words and symbols, newest first', () => {
    expect(message.text).toContain(
      [
        'Freedonia & Sylvania, the last 3 months:',
        `December 2024: ${DETERIORATED} Deteriorated Situation · Outlook for January 2025: ${RISK} Conflict Risk Alert · Outlook for January 2025: ${OPPORTUNITY} Resolution Opportunity`,
        `November 2024: ${IMPROVED} Improved Situation`,
        `October 2024: ${UNCHANGED} Unchanged Situation`,
      ].join('\n'),
    );
  });

  it('lists no history for a country’s first month (it would repeat the line above)', () => {
    const first = { ...country, entries: [country.entries[2]!] };
    const only = updateMessage({ siteUrl: 'https://briefings.example.org', siteName: 'Freedonia Monitor', from: 'x@example.org', to: 'ana@example.org', country: first, entry: first.entries[0]!, manageToken: 'T'.repeat(43), locale: 'en' });
    expect(only.text).not.toContain('the last');
    expect(only.html).not.toContain('the last');
    expectTextMirrorsHtml(only);
  });

  it('shows the lead first in the inbox list (the preheader), hidden in the message itself', () => {
    expect(preheaderOf(message.html)).toBe('Talks <stalled> & resumed in the fictional capital.');
    expect(message.html).toMatch(/<body[^>]*>\s*<div style="display:none;/);
  });

  it('has a text part that says what the HTML part shows, in the same order', () => {
    expectTextMirrorsHtml(message);
    expect(message.text).toContain('Read the December 2024 entry for Freedonia & Sylvania on the site: https://briefings.example.org/freedonia/crisiswatch/2024-12');
  });

  it('makes the entry’s links into the site absolute and escapes text it writes into the HTML', () => {
    expect(message.html).toContain('<a href="https://briefings.example.org/ruritania">Ruritania</a>');
    expect(message.html).toContain('<a href="https://example.org/x">a report</a>');
    expect(message.html).toContain('Talks &lt;stalled&gt; &amp; resumed');
    expect(message.html).toContain('Freedonia &amp; Sylvania, December 2024');
    expect(message.html).not.toContain('<stalled>');
    expect(message.html).not.toMatch(/<img|<svg|<script|<link|<style/i);
  });

  it('carries one-click unsubscribe, the list’s id and the preferences link, with one token for both links', () => {
    expect(message.headers).toEqual({
      'List-Unsubscribe': `<https://briefings.example.org/unsubscribe?token=${'T'.repeat(43)}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': 'Freedonia & Sylvania CrisisWatch <freedonia.crisiswatch.briefings.example.org>',
    });
    expect(message.text).toContain(`Choose the countries you follow: https://briefings.example.org/preferences?token=${'T'.repeat(43)}`);
    expect(message.html).toContain(`href="https://briefings.example.org/preferences?token=${'T'.repeat(43)}"`);
  });
});

describe('the update message in French', () => {
  const french = updateMessage({ siteUrl: 'https://briefings.example.org', siteName: 'Freedonia Monitor', from: 'x@example.org', to: 'ana@example.org', country, entry: country.entries[0]!, manageToken: 'T'.repeat(43), locale: 'fr' });

  it('says the verdict, the months and the links in French, to the French pages', () => {
    expect(french.subject).toBe('Freedonia & Sylvania, décembre 2024\u00a0: Situation détériorée');
    expect(french.html).toContain('<html lang="fr">');
    expect(french.text).toContain(`Tendances de décembre 2024\u00a0: ${DETERIORATED} Situation détériorée`);
    expect(french.text).toContain('https://briefings.example.org/fr/freedonia/crisiswatch/2024-12');
    expect(french.text).toContain(`https://briefings.example.org/fr/preferences?token=${'T'.repeat(43)}`);
    expect(french.headers['List-Unsubscribe']).toBe(`<https://briefings.example.org/fr/unsubscribe?token=${'T'.repeat(43)}>`);
    expectTextMirrorsHtml(french);
  });
});
