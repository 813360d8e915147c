import { describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '@/lib/db/store-gate';
import { handlePreferencesRequest, type PreferencesDependencies } from '@/lib/subscribe/handle-preferences-request';

const TOKEN = 'a'.repeat(43);

function setup(state: 'saved' | 'invalid' | 'down' = 'saved') {
  const saved: { token: string | null; countries: string[] }[] = [];
  const deps: PreferencesDependencies = {
    isKnownCountry: (slug) => slug === 'freedonia' || slug === 'ruritania',
    async save(token, countries) {
      if (state === 'down') throw new StoreUnavailableError(30);
      saved.push({ token, countries });
      if (state === 'invalid') return { state: 'invalid' };
      return { state: 'saved', preferences: { email: 'ana@example.org', status: countries.length > 0 ? 'confirmed' : 'unsubscribed', countries, undeliverable: false } };
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
