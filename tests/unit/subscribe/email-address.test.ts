import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMAIL_MAX_LENGTH, emailProblem } from '@/lib/subscribe/email-address';
import { validateSubscription } from '@/lib/subscribe/subscribe-schema';

/** What the server's schema (the authority) says about an address: its message, or undefined. */
function serverProblem(email: string): string | undefined {
  const result = validateSubscription({ email });
  return result.ok ? undefined : result.errors.find((error) => error.field === 'email')?.message;
}

/**
 * The form in the browser checks the address with email-address.ts (no zod); the API route with
 * the zod schema. A reader must get the same verdict and the same words from both.
 */
describe('the email check the browser runs', () => {
  it.each([
    ['reader@example.org', undefined],
    ['  Reader.Name+briefings@sub.example.org ', undefined],
    ['', 'Enter your email address'],
    ['   ', 'Enter your email address'],
    ['reader@example', 'Enter an email address in the form name@example.org'],
    ['reader', 'Enter an email address in the form name@example.org'],
    ['.reader@example.org', 'Enter an email address in the form name@example.org'],
    ['re..ader@example.org', 'Enter an email address in the form name@example.org'],
    ['reader@example.o', 'Enter an email address in the form name@example.org'],
    [`${'a'.repeat(EMAIL_MAX_LENGTH - 12)}@example.org`, undefined],
    [`${'a'.repeat(EMAIL_MAX_LENGTH - 11)}@example.org`, `An email address has at most ${EMAIL_MAX_LENGTH} characters`],
    // A domain name's label has at most 63 characters (RFC 1035): no mail can reach a longer one.
    [`reader@${'a'.repeat(63)}.example.org`, undefined],
    [`reader@${'a'.repeat(64)}.example.org`, 'Enter an email address in the form name@example.org'],
    [`reader@example.${'a'.repeat(64)}`, 'Enter an email address in the form name@example.org'],
  ])('%j: %s', (email, message) => {
    expect(emailProblem(email)).toBe(message);
    expect(serverProblem(email)).toBe(message);
  });

  it('agrees with the server on any address or near-address', () => {
    const nearAddress = fc
      .tuple(fc.string({ maxLength: 12 }), fc.constantFrom('@', '@@', '', '.'), fc.string({ maxLength: 12 }), fc.constantFrom('.org', '.o', '', '..uk', '.x1'))
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.emailAddress(), nearAddress, fc.string()), (email) => {
        expect(emailProblem(email)).toBe(serverProblem(email));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('an email field that is not text', () => {
  it('is told the form an address takes, not asked for one it sent', () => {
    for (const email of [['a@example.org'], { address: 'a@example.org' }, 42]) {
      expect(validateSubscription({ email, country: ['mali'] })).toEqual({ ok: false, errors: [{ field: 'email', message: 'Enter an email address in the form name@example.org' }] });
    }
    for (const missing of [{}, { email: null }]) {
      expect(validateSubscription({ ...missing, country: ['mali'] })).toEqual({ ok: false, errors: [{ field: 'email', message: 'Enter your email address' }] });
    }
  });
});
