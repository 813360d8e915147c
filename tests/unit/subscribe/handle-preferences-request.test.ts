import { describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '@/lib/db/store-gate';
import { handlePreferencesRequest, type PreferencesDependencies } from '@/lib/subscribe/handle-preferences-request';
import type { LanguageChoice } from '@/lib/subscriptions/preferences';

const TOKEN = 'a'.repeat(43);

function setup(state: 'saved' | 'invalid' | 'down' = 'saved') {
  const saved: { token: string | null; countries: string[]; language?: LanguageChoice }[] = [];
  const deps: PreferencesDependencies = {
    isKnownCountry: (slug) => slug === 'freedonia' || slug === 'ruritania',
    async save(token, countries, language) {
      if (state === 'down') throw new StoreUnavailableError(30);
      saved.push({ token, countries, language });
      if (state === 'invalid') return { state: 'invalid' };
      const status = countries.length > 0 ? 'confirmed' : 'unsubscribed';
      return { state: 'saved', preferences: { email: 'ana@example.org', status, countries, undeliverable: false, locale: language?.locale ?? 'en', untranslatedFallback: false } };
    },
  };
  return { deps, saved };
}

function post(fields: [string, string][], headers: Record<string, string> = {}) {
  return new Request('https://briefings.example.org/api/preferences', {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });
}

describe('POST /api/preferences', () => {
  it('follows exactly the ticked countries and goes back to the page, which says it is saved', async () => {
    const { deps, saved } = setup();
    const response = await handlePreferencesRequest(post([['token', TOKEN], ['country', 'freedonia'], ['country', 'ruritania'], ['action', 'save']]), deps);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/preferences?token=${TOKEN}&notice=saved`);
    expect(saved).toEqual([{ token: TOKEN, countries: ['freedonia', 'ruritania'] }]);
  });

  it('leaves everything with the leave button, whatever boxes came with it', async () => {
    const { deps, saved } = setup();
    const response = await handlePreferencesRequest(post([['token', TOKEN], ['country', 'freedonia'], ['action', 'leave']]), deps);
    expect(response.headers.get('location')).toBe(`/preferences?token=${TOKEN}&notice=left`);
    expect(saved).toEqual([{ token: TOKEN, countries: [] }]);
  });

  it('goes back to the page in the language the form was read in; an unknown or missing language is English', async () => {
    const back = async (locale: string) => (await handlePreferencesRequest(post([['token', TOKEN], ['country', 'freedonia'], ['locale', locale]]), setup().deps)).headers.get('location');
    expect(await back('fr')).toBe(`/fr/preferences?token=${TOKEN}&notice=saved`);
    expect(await back('de')).toBe(`/preferences?token=${TOKEN}&notice=saved`);
  });

  it('sets the language of the mail and the English-texts option with the countries; the leave button keeps them', async () => {
    const { deps, saved } = setup();
    await handlePreferencesRequest(post([['token', TOKEN], ['country', 'freedonia'], ['language', 'fr'], ['untranslated', 'yes'], ['locale', 'fr']]), deps);
    await handlePreferencesRequest(post([['token', TOKEN], ['country', 'freedonia'], ['language', 'en']]), deps);
    await handlePreferencesRequest(post([['token', TOKEN], ['action', 'leave']]), deps);
    expect(saved.map((save) => save.language)).toEqual([{ locale: 'fr', untranslatedFallback: true }, { locale: 'en', untranslatedFallback: false }, undefined]);
    const unknown = await handlePreferencesRequest(post([['token', TOKEN], ['country', 'freedonia'], ['language', 'de']]), deps);
    expect(unknown.status).toBe(400);
    expect(saved).toHaveLength(3);
  });

  it('refuses a country the site does not have, and stores nothing', async () => {
    const { deps, saved } = setup();
    const response = await handlePreferencesRequest(post([['token', TOKEN], ['country', 'atlantis']]), deps);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Unknown country: atlantis');
    expect(saved).toEqual([]);
  });

  it('refuses a post from another site', async () => {
    const { deps, saved } = setup();
    const response = await handlePreferencesRequest(post([['token', TOKEN]], { origin: 'https://attacker.example' }), deps);
    expect(response.status).toBe(403);
    expect(saved).toEqual([]);
  });

  it('sends a bad or used link to the page that says so, and an outage to the page that says to retry', async () => {
    expect((await handlePreferencesRequest(post([['token', TOKEN]]), setup('invalid').deps)).headers.get('location')).toBe('/subscribe?result=invalid-link');
    expect((await handlePreferencesRequest(post([['token', TOKEN]]), setup('down').deps)).headers.get('location')).toBe('/subscribe?result=link-unavailable');
  });

  it('answers a body that is not a form with 415 and a line of text', async () => {
    const request = new Request('https://briefings.example.org/api/preferences', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    const response = await handlePreferencesRequest(request, setup().deps);
    expect(response.status).toBe(415);
  });
});
