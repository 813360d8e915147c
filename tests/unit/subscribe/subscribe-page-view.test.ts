import { describe, expect, it } from 'vitest';
import { subscribePageView } from '@/lib/subscribe/subscribe-page-view';

const COUNTRIES = [
  { slug: 'ruritania', name: 'Ruritania' },
  { slug: 'freedonia', name: 'Freedonia' },
  { slug: 'sylvania', name: 'Sylvania' },
];
const view = (query: { result?: string; countries?: string[]; email?: string }) => subscribePageView({ countries: [], ...query }, COUNTRIES);

describe('the Subscribe page', () => {
  it('on a first visit says what the reader will receive and offers every country, the ones in the address ticked', () => {
    expect(view({})).toEqual({
      heading: 'CrisisWatch by email',
      message: { text: expect.stringContaining('once a month, the day it is published on this site') },
      form: { chosen: [], email: undefined, problem: undefined },
    });
    expect(view({ countries: ['sylvania'] }).form?.chosen).toEqual(['sylvania']);
  });

  it('after a post says what happens next and which countries it will bring', () => {
    expect(view({ result: 'pending', countries: ['sylvania', 'freedonia'] }).message?.text).toMatch(
      /on its way\. Once the address is confirmed, you will receive the CrisisWatch entries for Freedonia and Sylvania by email, once a month/,
    );
  });

  it('once confirmed names every country the address now receives, and offers the way back to a single one', () => {
    const confirmed = view({ result: 'confirmed', countries: ['ruritania', 'freedonia', 'sylvania'] });
    expect(confirmed.heading).toBe('You are subscribed');
    expect(confirmed.message?.text).toMatch(/^You now receive CrisisWatch updates for Freedonia, Ruritania and Sylvania\. /);
    expect(confirmed.form).toBeUndefined();
    expect(view({ result: 'confirmed', countries: ['freedonia'] }).backTo).toEqual({ slug: 'freedonia', name: 'Freedonia' });
  });

  it('never tells an address that follows nothing that it is subscribed: it offers the countries instead', () => {
    for (const countries of [[], ['atlantis']]) {
      const nothing = view({ result: 'confirmed', countries });
      expect(nothing.heading).toBe('Your address is confirmed');
      expect(nothing.message?.text).toContain('You do not follow any country yet');
      expect(nothing.form).toEqual({ chosen: [] });
    }
  });

  it('after a refused post offers the form as it was filled in, the problem next to its field only', () => {
    expect(view({ result: 'no-country', email: 'reader@example.org' })).toEqual({
      heading: 'Your subscription was not saved',
      form: { chosen: [], email: 'reader@example.org', problem: { field: 'country', message: 'Choose at least one country to follow' } },
    });
    expect(view({ result: 'invalid-email', email: `${'a'.repeat(250)}@example.org`, countries: ['freedonia'] }).form).toEqual({
      chosen: ['freedonia'],
      email: `${'a'.repeat(250)}@example.org`,
      problem: { field: 'email', message: 'An email address has at most 254 characters' },
    });
  });

  it('gives the address back without control characters (a NUL byte in the URL is not echoed into the page)', () => {
    expect(view({ result: 'invalid-email', email: '\u0000reader@\u0007example' }).form?.email).toBe('reader@example');
  });

  it('ignores countries the site does not publish, never echoing them', () => {
    expect(view({ result: 'unknown-country', countries: ['atlantis', 'freedonia'] }).form?.chosen).toEqual(['freedonia']);
    expect(JSON.stringify(view({ result: 'pending', countries: ['<script>'] }))).not.toContain('<script>');
  });
});
