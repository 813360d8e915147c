import { describe, expect, it } from 'vitest';
import { handleSubscribeRequest, MAX_BODY_BYTES, type SubscribeDependencies } from '@/lib/subscribe/handle-subscribe-request';

const SITE = 'https://briefings.example.org';
const deps: SubscribeDependencies = { allowedOrigins: [SITE], isKnownCountry: (slug) => slug === 'freedonia' };

function post(body: string, headers: Record<string, string>): Request {
  return new Request(`${SITE}/api/subscribe`, { method: 'POST', body, headers });
}
const json = (value: unknown, headers: Record<string, string> = {}) =>
  post(JSON.stringify(value), { 'content-type': 'application/json', origin: SITE, ...headers });
const form = (fields: Record<string, string>) =>
  post(new URLSearchParams(fields).toString(), { 'content-type': 'application/x-www-form-urlencoded', origin: SITE });

async function answer(request: Request) {
  const response = await handleSubscribeRequest(request, deps);
  const text = await response.text();
  return { status: response.status, location: response.headers.get('location'), body: text ? (JSON.parse(text) as unknown) : undefined };
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

  it('answers 400 to an unknown country', async () => {
    const { status, body } = await answer(json({ email: 'a@example.org', country: 'atlantis' }));
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toContain('"field":"country"');
  });

  it('tells the reader honestly that nothing is stored yet, and answers a bot the same way', async () => {
    const person = await answer(json({ email: 'reader@example.org', country: 'freedonia' }));
    const bot = await answer(json({ email: 'reader@example.org', country: 'freedonia', website: 'http://spam.example' }));
    expect(person.status).toBe(503);
    expect(person.body).toMatchObject({ ok: false, message: expect.stringContaining('not stored') });
    expect(bot).toEqual(person);
  });
});

describe('POST /api/subscribe from the form without JavaScript', () => {
  it('redirects (303) to a page that explains an invalid address', async () => {
    const { status, location } = await answer(form({ email: 'nope', country: 'freedonia' }));
    expect(status).toBe(303);
    expect(location).toBe('/subscribe?result=invalid-email&country=freedonia');
  });

  it('redirects a valid address to the page that says what happens next', async () => {
    const { status, location } = await answer(form({ email: 'reader@example.org', country: 'freedonia' }));
    expect(status).toBe(303);
    expect(location).toBe('/subscribe?result=unavailable&country=freedonia');
  });

  it('never echoes an unknown country into the redirect', async () => {
    const { location } = await answer(form({ email: 'nope', country: 'x"><script>' }));
    expect(location).toBe('/subscribe?result=invalid-email');
  });
});
