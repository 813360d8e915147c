import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type SubscriberDb } from '@/lib/db/database';
import { handleSubscribeRequest, type SubscribeDependencies } from '@/lib/subscribe/handle-subscribe-request';
import { createRateLimiter } from '@/lib/subscribe/rate-limiter';
import { requestSubscription, type SubscriptionRequest } from '@/lib/subscriptions/subscriber-store';

/**
 * Random requests against the real handler and the real store (SQLite in a temp dir): whatever
 * arrives, the endpoint answers with one of its documented statuses, never a 5xx, and a refusal
 * never stores anything.
 */
const SITE = 'http://127.0.0.1:3000';
const ALLOWED_STATUSES = [202, 303, 400, 403, 413, 415, 422];

let dir: string;
let store: SubscriberDb;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'subscribe-property-'));
  store = await openDatabase(path.join(dir, 'subscribers.db'));
  await migrateToLatest(store.db);
});

afterAll(async () => {
  await store?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function countSubscribers(): Promise<number> {
  const row = await store.db
    .selectFrom('subscribers')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- Arbitraries -------------------------------------------------------------------------

/** Printable ASCII only: anything else is refused by the Headers constructor, not the handler. */
const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 60 });

/** Weighted towards the two types the endpoint accepts, so most requests get past the gate. */
const contentType = fc.oneof(
  { arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', ' application/json ;charset=latin1'), weight: 4 },
  { arbitrary: fc.constantFrom('application/x-www-form-urlencoded', 'application/x-www-form-urlencoded; charset=UTF-8'), weight: 3 },
  { arbitrary: fc.constantFrom('text/plain', 'text/plain;charset=UTF-8', 'multipart/form-data; boundary=x', 'application/jsonx', ';', ''), weight: 1 },
  { arbitrary: fc.constant(undefined), weight: 1 },
  { arbitrary: headerText, weight: 1 },
);

const origin = fc.oneof(
  { arbitrary: fc.constant(SITE), weight: 6 },
  { arbitrary: fc.constant(undefined), weight: 2 },
  { arbitrary: fc.constantFrom('http://127.0.0.1:3001', 'https://127.0.0.1:3000', 'http://localhost:3000', 'null', 'https://evil.example', `${SITE}/`), weight: 1 },
  { arbitrary: headerText, weight: 1 },
);

/** Every UTF-16 code unit, lone surrogates included (they are encoded as U+FFFD on the wire). */
const anyCodeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 80 });
const anyText = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), anyCodeUnits);

const localPart = fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,20}$/);
const plausibleEmail = localPart.map((local) => `${local}@example.org`);
const email = fc.oneof(
  plausibleEmail,
  plausibleEmail.map((address) => `  ${address.toUpperCase()}\t`),
  fc.emailAddress(),
  fc.integer({ min: 240, max: 5000 }).map((length) => `${'a'.repeat(length)}@example.org`),
  anyText,
  fc.constantFrom('', ' ', '@', 'a@b', 'a@b.c', 'reader@example', 'a@@example.org', 'reader@exämple.org', 'réader@example.org', 'reader@example.org\u0000'),
  fc.anything(),
);
const country = fc.oneof(fc.constant('mali'), fc.constantFrom('narnia', 'Mali', 'mali ', '', '__proto__', 'constructor'), anyText, fc.anything());
const website = fc.oneof(fc.constant(''), fc.constant('https://spam.example'), anyText, fc.anything());

/** Objects with some of email/country/website, of any type, plus stray keys. */
const fields = fc.record(
  { email, country, website, extra: fc.anything() },
  { requiredKeys: [] },
);

const stringFields = fc.record(
  { email: fc.oneof(email.filter((value): value is string => typeof value === 'string'), anyText), country: fc.oneof(fc.constant('mali'), anyText), website: fc.oneof(fc.constant(''), anyText) },
  { requiredKeys: [] },
);

const encoder = new TextEncoder();

/** Bytes that are not UTF-8: stray continuation bytes, overlong forms, surrogates, 0xFF. */
const invalidUtf8 = fc
  .tuple(fc.uint8Array({ maxLength: 40 }), fc.constantFrom([0xff], [0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf8, 0x88, 0x80, 0x80, 0x80]), fc.uint8Array({ maxLength: 40 }))
  .map(([before, bad, after]) => Uint8Array.from([...before, ...bad, ...after]));

/** A valid JSON subscription with an invalid byte spliced into it. */
const jsonWithInvalidByte = fc
  .tuple(plausibleEmail, fc.constantFrom(0xff, 0xc3, 0x80, 0xfe))
  .map(([address, byte]) => {
    const bytes = encoder.encode(JSON.stringify({ email: address, country: 'mali' }));
    return Uint8Array.from([...bytes.subarray(0, 3), byte, ...bytes.subarray(3)]);
  });

const body: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  { arbitrary: anyText, weight: 1 },
  { arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)), weight: 1 },
  { arbitrary: fields.map((value) => JSON.stringify(value)), weight: 3 },
  { arbitrary: fc.record({ email: plausibleEmail, country: fc.constantFrom('mali', undefined) }, { requiredKeys: ['email'] }).map((value) => JSON.stringify(value)), weight: 2 },
  { arbitrary: stringFields.map((value) => new URLSearchParams(value).toString()), weight: 2 },
  { arbitrary: fc.record({ email: plausibleEmail, country: fc.constantFrom('mali', 'narnia') }).map((value) => new URLSearchParams(value).toString()), weight: 2 },
  // Very long: far over the 4 KiB limit, and just around it.
  { arbitrary: fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.integer({ min: 500, max: 20_000 })).map(([unit, times]) => unit.repeat(times)), weight: 1 },
  { arbitrary: fc.integer({ min: 3_900, max: 4_200 }).map((length) => JSON.stringify({ email: 'reader@example.org', country: 'mali', website: '', pad: 'x'.repeat(length) })), weight: 1 },
  {
    arbitrary: fc.constantFrom('', '{}', '[]', 'null', '"reader@example.org"', '{"email":"reader@example.org"', '{"__proto__":{"email":"proto@example.org"}}', 'email=&country=', '\u0000', '\uFEFF{"email":"bom@example.org"}'),
    weight: 1,
  },
  { arbitrary: invalidUtf8, weight: 1 },
  { arbitrary: jsonWithInvalidByte, weight: 1 },
);

const jsonBody = fc.oneof(
  fields.map((value) => JSON.stringify(value)),
  fc.record({ email: plausibleEmail, country: fc.constantFrom('mali', undefined), website: fc.constantFrom(undefined, '', 'x') }, { requiredKeys: ['email'] }).map((value) => JSON.stringify(value)),
);
const formBody = fc.oneof(
  stringFields.map((value) => new URLSearchParams(value).toString()),
  fc.record({ email: plausibleEmail, country: fc.constantFrom('mali', 'narnia') }, { requiredKeys: ['email'] }).map((value) => new URLSearchParams(value).toString()),
);

/** Anything with anything, and (so that many get as far as the store) bodies that match their type. */
const requestSpec = fc.oneof(
  fc.record({ contentType, origin, body }),
  fc.record({ contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8'), origin, body: jsonBody }),
  fc.record({ contentType: fc.constant('application/x-www-form-urlencoded'), origin, body: formBody }),
);
type RequestSpec = { contentType: string | undefined; origin: string | undefined; body: string | Uint8Array };

/** Bytes, not a string: a string body would make fetch add `text/plain` when no type is given. */
function toRequest(spec: RequestSpec): Request {
  const headers = new Headers();
  if (spec.contentType !== undefined) headers.set('content-type', spec.contentType);
  if (spec.origin !== undefined) headers.set('origin', spec.origin);
  const bytes = typeof spec.body === 'string' ? encoder.encode(spec.body) : spec.body;
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Request(`${SITE}/api/subscribe`, { method: 'POST', headers, body: copy });
}

// ---- The property --------------------------------------------------------------------------

describe('POST /api/subscribe, fed random requests, with the real store', () => {
  it('never answers 5xx, answers only documented statuses, and stores nothing when it refuses', async () => {
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(requestSpec, async (spec) => {
        const stored: SubscriptionRequest[] = [];
        const failures: string[] = [];
        const deps: SubscribeDependencies = {
          isAllowedOrigin: (origin) => origin === SITE,
          isKnownCountry: (slug) => slug === 'mali',
          clientKey: 'test',
          rateLimiter: createRateLimiter(0),
          subscribe: async (request) => {
            await requestSubscription(store, request, new Date());
            stored.push(request);
          },
          log: (message, error) => {
            if (error !== undefined) failures.push(`${message}: ${error instanceof Error ? error.stack : String(error)}`);
          },
        };

        const before = await countSubscribers();
        const response = await handleSubscribeRequest(toRequest(spec), deps);
        await response.arrayBuffer();
        const after = await countSubscribers();
        seen.set(response.status, (seen.get(response.status) ?? 0) + 1);

        expect(response.status).toBeLessThan(500);
        expect(ALLOWED_STATUSES).toContain(response.status);
        // A form post hides a storage failure behind 303 ?result=unavailable: that is a failure too.
        expect(failures).toEqual([]);
        expect(response.headers.get('location') ?? '').not.toContain('result=unavailable');
        // A refused form post is a 303 back to the form (any result but `pending`).
        const refused = response.status >= 400 || (response.status === 303 && !(response.headers.get('location') ?? '').includes('result=pending'));
        if (refused) {
          expect(after).toBe(before);
          expect(stored).toEqual([]);
        }
        // Whatever was acknowledged as stored is in the table.
        for (const request of stored) {
          const row = await store.db.selectFrom('subscribers').select('email').where('email_key', '=', request.email.toLowerCase()).executeTakeFirst();
          expect(row).toBeDefined();
        }
      }),
      { numRuns: 300 },
    );
    // The run must reach both the accepting and the refusing paths, or it proves little.
    expect([...seen.keys()]).toEqual(expect.arrayContaining([202, 303, 400, 403, 415, 422]));
  }, 60_000);
});
