import { beforeEach, describe, expect, it } from 'vitest';
import { COUNTRY_MESSAGES } from '@/lib/subscribe/country-choice';
import { ACCEPTED_MESSAGE, handleSubscribeRequest, MAX_BODY_BYTES, type SubscribeDependencies } from '@/lib/subscribe/handle-subscribe-request';
import { createRateLimiter } from '@/lib/subscribe/rate-limiter';
import type { SubscriptionRequest } from '@/lib/subscriptions/subscriber-store';

const SITE = 'https://briefings.example.org';
/** What reached the store; every rejected request must leave it empty. */
let stored: SubscriptionRequest[] = [];
let deps: SubscribeDependencies;

beforeEach(() => {
  stored = [];
  deps = {
    isAllowedOrigin: (origin) => origin === SITE,
    isKnownCountry: (slug) => slug === 'freedonia' || slug === 'sylvania',
    clientKey: '192.0.2.1',
    rateLimiter: createRateLimiter(0),
    subscribe: async (request) => {
      stored.push(request);
    },
  };
});

function post(body: string, headers: Record<string, string>): Request {
  return new Request(`${SITE}/api/subscribe`, { method: 'POST', body, headers });
}
const json = (value: unknown, headers: Record<string, string> = {}) =>
  post(JSON.stringify(value), { 'content-type': 'application/json', origin: SITE, ...headers });
/** A plain form post; `country` may repeat, as a browser sends several ticked boxes of one name. */
const form = (fields: Record<string, string> | [string, string][]) =>
  post(new URLSearchParams(fields).toString(), { 'content-type': 'application/x-www-form-urlencoded', origin: SITE });

async function answer(request: Request) {
  const response = await handleSubscribeRequest(request, deps);
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('json');
  return { status: response.status, location: response.headers.get('location'), body: text && isJson ? (JSON.parse(text) as unknown) : text || undefined };
}

describe('POST /api/subscribe with JSON', () => {
  it('names the email field when the address is invalid (422)', async () => {
    const { status, body } = await answer(json({ email: 'not-an-address', country: 'freedonia' }));
    expect(status).toBe(422);
    expect(body).toEqual({ ok: false, errors: [{ field: 'email', message: 'Enter an email address in the form name@example.org' }] });
  });

  it('asks for an address when it is missing or blank', async () => {
    for (const email of [undefined, '   ']) {
      const { status, body } = await answer(json({ email }));
      expect(status).toBe(422);
      expect(JSON.stringify(body)).toContain('Enter your email address');
    }
  });

  it('refuses an address over 254 characters', async () => {
    const { status, body } = await answer(json({ email: `${'a'.repeat(250)}@example.org` }));
    expect(status).toBe(422);
    expect(JSON.stringify(body)).toContain('at most 254 characters');
  });

  it('answers 400 to a body that is not a JSON object', async () => {
    for (const body of ['{"email":', '[]', '"x"', 'null']) {
      const response = await answer(post(body, { 'content-type': 'application/json', origin: SITE }));
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain('"field":"body"');
    }
  });

  it('answers 415 to other content types', async () => {
    const { status } = await answer(post('email=a@example.org', { 'content-type': 'text/plain', origin: SITE }));
    expect(status).toBe(415);
  });

  it('answers 413 to a body over the limit, even when Content-Length is absent', async () => {
    const big = JSON.stringify({ email: 'a@example.org', padding: 'x'.repeat(MAX_BODY_BYTES) });
    expect((await answer(json(JSON.parse(big)))).status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const streamed = new Request(`${SITE}/api/subscribe`, {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'application/json', origin: SITE },
      duplex: 'half',
    } as RequestInit);
    expect((await answer(streamed)).status).toBe(413);
  });

  it('answers 403 to a post from another site', async () => {
    const { status, body } = await answer(json({ email: 'a@example.org' }, { origin: 'https://evil.example' }));
    expect(status).toBe(403);
    expect(JSON.stringify(body)).toContain('origin');
  });

  it('refuses an unknown country as it refuses a bad address (422, field country), and stores nothing', async () => {
    for (const country of ['atlantis', ['freedonia', 'atlantis'], 'Freedonia', '', [''], 7, [{}]]) {
      const { status, body } = await answer(json({ email: 'a@example.org', country }));
      expect(status, JSON.stringify(country)).toBe(422);
      expect(body).toEqual({ ok: false, errors: [{ field: 'country', message: COUNTRY_MESSAGES.unknown }] });
    }
    expect(stored).toEqual([]);
  });

  it('refuses a subscription that follows no country (422, field country), and stores nothing', async () => {
    for (const fields of [{ email: 'a@example.org' }, { email: 'a@example.org', country: [] }]) {
      const { status, body } = await answer(json(fields));
      expect(status).toBe(422);
      expect(body).toEqual({ ok: false, errors: [{ field: 'country', message: 'Choose at least one country to follow' }] });
    }
    expect(stored).toEqual([]);
  });

  it('names both fields when both are wrong, so the form can say each next to its field', async () => {
    const { status, body } = await answer(json({ email: 'nope', country: [] }));
    expect(status).toBe(422);
    expect(body).toEqual({
      ok: false,
      errors: [
        { field: 'email', message: 'Enter an email address in the form name@example.org' },
        { field: 'country', message: 'Choose at least one country to follow' },
      ],
    });
  });

  it('follows every country chosen, once each; a single country may come as a string (the country page’s form)', async () => {
    expect((await answer(json({ email: 'a@example.org', country: ['sylvania', 'freedonia', 'sylvania'] }))).status).toBe(202);
    expect((await answer(json({ email: 'b@example.org', country: 'freedonia' }))).status).toBe(202);
    expect(stored).toEqual([
      { email: 'a@example.org', countries: ['sylvania', 'freedonia'] },
      { email: 'b@example.org', countries: ['freedonia'] },
    ]);
  });

  it('stores a valid address, trimmed, and answers 202 only after the store resolved', async () => {
    const { status, body } = await answer(json({ email: '  Reader@Example.org ', country: 'freedonia' }));
    expect(status).toBe(202);
    expect(body).toEqual({ ok: true, message: ACCEPTED_MESSAGE });
    expect(stored).toEqual([{ email: 'Reader@Example.org', countries: ['freedonia'] }]);
  });

  it('answers a filled honeypot exactly like a person, and stores nothing', async () => {
    const bot = await answer(json({ email: 'reader@example.org', country: 'freedonia', website: 'http://spam.example' }));
    expect(stored).toEqual([]);
    const person = await answer(json({ email: 'reader@example.org', country: 'freedonia' }));
    expect(bot).toEqual(person);
  });

  it('answers 503, not success, when the store fails, and says nothing about why', async () => {
    deps.subscribe = async () => {
      throw new Error('SQLITE_BUSY: database is locked at /srv/data/subscribers.db');
    };
    const { status, body } = await answer(json({ email: 'reader@example.org', country: 'freedonia' }));
    expect(status).toBe(503);
    expect(JSON.stringify(body)).not.toMatch(/SQLITE|subscribers\.db/);
  });

  it('answers 429 with Retry-After once a client posts too often', async () => {
    deps.rateLimiter = createRateLimiter(2);
    expect((await answer(json({ email: 'a@example.org', country: 'freedonia' }))).status).toBe(202);
    expect((await answer(json({ email: 'b@example.org', country: 'freedonia' }))).status).toBe(202);
    const response = await handleSubscribeRequest(json({ email: 'c@example.org', country: 'freedonia' }), deps);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(stored.map((request) => request.email)).toEqual(['a@example.org', 'b@example.org']);
  });
});

describe('every rejected request stores nothing', () => {
  it('holds for each kind of bad input', async () => {
    const bad = [
      json({ email: 'nope', country: 'freedonia' }),
      json({ email: 'a@example.org' }),
      form({ email: 'a@example.org' }),
      form([['email', 'a@example.org'], ['country', 'freedonia'], ['country', 'atlantis']]),
      json({ email: 'a@example.org', country: 'atlantis' }),
      json({ email: 'a@example.org' }, { origin: 'https://evil.example' }),
      post('{"email":', { 'content-type': 'application/json', origin: SITE }),
      post('email=a@example.org', { 'content-type': 'text/plain', origin: SITE }),
      json({ email: 'a@example.org', padding: 'x'.repeat(MAX_BODY_BYTES) }),
    ];
    for (const request of bad) {
      const { status, location } = await answer(request);
      // A refused form post goes back to the form (303), never to the page that says it was accepted.
      if (status === 303) expect(location).not.toContain('result=pending');
      else expect(status).toBeGreaterThanOrEqual(400);
    }
    expect(stored).toEqual([]);
  });
});

describe('POST /api/subscribe from the form without JavaScript', () => {
  it('redirects (303) to a page that explains an invalid address', async () => {
    const { status, location } = await answer(form({ email: 'nope', country: 'freedonia' }));
    expect(status).toBe(303);
    expect(location).toBe('/subscribe?result=invalid-email&country=freedonia&email=nope');
  });

  it('redirects a valid address to the page that says what happens next', async () => {
    const { status, location } = await answer(form({ email: 'reader@example.org', country: 'freedonia' }));
    expect(status).toBe(303);
    expect(location).toBe('/subscribe?result=pending&country=freedonia');
    expect(stored).toHaveLength(1);
  });

  it('never echoes an unknown country into the redirect', async () => {
    const { location } = await answer(form({ email: 'nope', country: 'x"><script>' }));
    expect(location).toBe('/subscribe?result=invalid-email&email=nope');
  });

  it('follows every ticked country (repeated fields) and names them on the page it redirects to', async () => {
    const { status, location } = await answer(form([['email', 'reader@example.org'], ['country', 'freedonia'], ['country', 'sylvania']]));
    expect(status).toBe(303);
    expect(location).toBe('/subscribe?result=pending&country=freedonia&country=sylvania');
    expect(stored).toEqual([{ email: 'reader@example.org', countries: ['freedonia', 'sylvania'] }]);
  });

  it('sends a post without a country back to the form, the address kept, nothing stored', async () => {
    const { status, location } = await answer(form({ email: ' reader@example.org ', website: '' }));
    expect(status).toBe(303);
    expect(location).toBe('/subscribe?result=no-country&email=reader%40example.org');
    expect(stored).toEqual([]);
  });

  it('sends an unknown country back to the form with the known ones still ticked, nothing stored', async () => {
    const { status, location } = await answer(form([['email', 'reader@example.org'], ['country', 'sylvania'], ['country', 'atlantis']]));
    expect(status).toBe(303);
    expect(location).toBe('/subscribe?result=unknown-country&country=sylvania&email=reader%40example.org');
    expect(stored).toEqual([]);
  });
});
