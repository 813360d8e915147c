import { describe, expect, it } from 'vitest';
import type { Country, CrisisWatchEntry } from '@/lib/content';
import { updateMessage } from '@/lib/mail/update-message';

const entry = (month: string, verdict: CrisisWatchEntry['verdict'], html: string): CrisisWatchEntry => ({
  country: 'freedonia',
  month,
  period: { from: `${month}-01`, to: `${month}-27` },
  verdict,
  alerts: month === '2024-06' ? ['conflict-risk-alert'] : [],
  lead: 'Talks <stalled> & resumed in the fictional capital.',
  notify: true,
  draft: false,
  html,
  excerptHtml: html,
  excerptText: 'text',
  text: 'The whole entry, as text.',
});

const country: Country = {
  name: 'Freedonia & Sylvania',
  region: ['Fiction'],
  slug: 'freedonia',
  profileHtml: '',
  profileExcerpt: '',
  quotes: [],
  entries: [
    entry('2024-06', 'deteriorated', '<p>See <a href="/ruritania">Ruritania</a> and <a href="https://example.org/x">a report</a>.</p>'),
    entry('2024-05', 'improved', '<p>May.</p>'),
  ],
};

describe('the update message', () => {
  const message = updateMessage({
    siteUrl: 'https://briefings.example.org',
    siteName: 'Crisis Briefings',
    from: 'Briefings <updates@example.org>',
    to: 'ana@example.org',
    country,
    entry: country.entries[0]!,
    manageToken: 'T'.repeat(43),
  });

  it('names the country, the month and the verdict in words in its subject, and the alert in its body', () => {
    expect(message.subject).toBe('Freedonia & Sylvania, June 2024: Deteriorated Situation');
    expect(message.text).toContain('Verdict: Deteriorated Situation · Conflict Risk Alert');
    expect(message.text).toContain('Freedonia & Sylvania, recent months: June 2024: deteriorated situation, conflict risk alert; May 2024: improved situation.');
  });

  it('makes the entry’s links into the site absolute and escapes text it writes into the HTML', () => {
    expect(message.html).toContain('<a href="https://briefings.example.org/ruritania">Ruritania</a>');
    expect(message.html).toContain('<a href="https://example.org/x">a report</a>');
    expect(message.html).toContain('Talks &lt;stalled&gt; &amp; resumed');
    expect(message.html).toContain('Freedonia &amp; Sylvania, June 2024');
    expect(message.html).not.toContain('<stalled>');
  });

  it('carries one-click unsubscribe, the list’s id and the preferences link, with one token for both links', () => {
    expect(message.headers).toEqual({
      'List-Unsubscribe': `<https://briefings.example.org/unsubscribe?token=${'T'.repeat(43)}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': 'Freedonia & Sylvania CrisisWatch <freedonia.crisiswatch.briefings.example.org>',
    });
    expect(message.text).toContain(`https://briefings.example.org/preferences?token=${'T'.repeat(43)}`);
    expect(message.html).toContain(`href="https://briefings.example.org/preferences?token=${'T'.repeat(43)}"`);
  });
});
