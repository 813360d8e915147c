import { describe, expect, it } from 'vitest';
import { confirmationMessage } from '@/lib/mail/confirmation-message';
import { expectTextMirrorsHtml, preheaderOf, visibleBlocks } from './mail-parts';

const base = {
  siteUrl: 'https://briefings.example.org',
  siteName: 'Freedonia Monitor',
  from: 'Briefings <updates@example.org>',
  to: 'ana@example.org',
  confirmToken: 'C'.repeat(43),
  unsubscribeToken: 'U'.repeat(43),
  expiresInHours: 48,
  locale: 'en' as const,
};

describe('the confirmation message', () => {
  const message = confirmationMessage({ ...base, countries: ['Freedonia', 'Ruritania', 'Sylvania'] });

  it('names every country the address will follow once confirmed, and when mail comes', () => {
    expect(message.text).toContain(
      'Someone, probably you, asked to receive the CrisisWatch entries for Freedonia, Ruritania and Sylvania by email at this address, once a month, the day it is published on Freedonia Monitor.',
    );
    expect(confirmationMessage({ ...base, countries: ['Freedonia'] }).text).toContain('asked to receive the CrisisWatch entry for Freedonia by email');
  });

  it('carries the site’s name on the brand colour, a preheader and the same capitalisation in subject, heading and button', () => {
    expect(message.subject).toBe('Confirm your subscription to Freedonia Monitor');
    expect(message.html).toMatch(/<td style="background:#1d3557;[^"]*"><a [^>]*>Freedonia Monitor<\/a><\/td>/);
    expect(preheaderOf(message.html)).toBe('Confirm your address to receive the CrisisWatch entries for Freedonia, Ruritania and Sylvania.');
    expect(visibleBlocks(message.html).slice(0, 4)).toEqual(['Freedonia Monitor', 'Confirm your subscription', expect.stringContaining('Someone, probably you'), 'Confirm your subscription']);
  });

  it('has a text part that says what the HTML part shows, in the same order, with the links', () => {
    expectTextMirrorsHtml(message);
    expect(message.text).toContain(`Confirm your subscription: https://briefings.example.org/subscribe/confirm?token=${'C'.repeat(43)}`);
    expect(message.text).toContain(`Unsubscribe: https://briefings.example.org/unsubscribe?token=${'U'.repeat(43)}`);
    expect(message.headers).toEqual({
      'List-Unsubscribe': `<https://briefings.example.org/unsubscribe?token=${'U'.repeat(43)}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it('for an address that chose no country (the old Subscribe page), says so and links to choosing them', () => {
    const none = confirmationMessage({ ...base, countries: [] });
    expect(none.text).toContain('without choosing a country');
    expect(none.text).toContain(`Once it is confirmed, choose the countries to follow: https://briefings.example.org/preferences?token=${'U'.repeat(43)}`);
    expectTextMirrorsHtml(none);
  });
});

describe('the confirmation message in French', () => {
  const french = confirmationMessage({ ...base, locale: 'fr', countries: ['Freedonie', 'Ruritanie'] });

  it('asks in French, listing the countries the French way, and links to the French confirmation page', () => {
    expect(french.subject).toBe('Confirmez votre abonnement à Freedonia Monitor');
    expect(french.text).toContain('les entrées CrisisWatch Freedonie et Ruritanie');
    expect(french.text).toContain(`https://briefings.example.org/fr/subscribe/confirm?token=${'C'.repeat(43)}`);
    expect(french.html).toContain('<html lang="fr">');
    expectTextMirrorsHtml(french);
  });
});
