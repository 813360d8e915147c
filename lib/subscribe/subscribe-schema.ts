import * as z from 'zod/mini';
import { COUNTRY_MESSAGES } from './country-choice';
import { EMAIL_MAX_LENGTH, EMAIL_MESSAGES, EMAIL_PATTERN } from './email-address';

const countrySlug = z.string({ error: COUNTRY_MESSAGES.unknown }).check(z.regex(/^[a-z][a-z0-9-]{0,62}$/, COUNTRY_MESSAGES.unknown));

/**
 * What the subscribe form sends, as the API route accepts it: the authority. Server-side only;
 * the form in the browser checks the same rules with the same messages from email-address.ts and
 * country-choice.ts (no zod there), so the reader sees the same message either way.
 */
export const subscribeSchema = z.object({
  email: z.pipe(
    // Absent is "enter one"; anything else that is not text (a list, a number) is not an address's form.
    z.string({ error: (issue) => (issue.input === undefined || issue.input === null ? EMAIL_MESSAGES.missing : EMAIL_MESSAGES.malformed) }).check(
      z.trim(),
      z.minLength(1, EMAIL_MESSAGES.missing),
      z.maxLength(EMAIL_MAX_LENGTH, EMAIL_MESSAGES.tooLong),
    ),
    z.email({ pattern: EMAIL_PATTERN, error: EMAIL_MESSAGES.malformed }),
  ),
  /**
   * The countries to follow: every ticked box (a form repeats the field), or the one country of a
   * country page's form, which older pages post as a single string. At least one: a subscriber
   * who follows nothing would never receive anything.
   */
  country: z.pipe(
    z.transform((value: unknown) => (value === undefined ? [] : typeof value === 'string' ? [value] : value)),
    z.pipe(
      z.array(countrySlug, { error: COUNTRY_MESSAGES.unknown }).check(z.minLength(1, COUNTRY_MESSAGES.none)),
      z.transform((countries: string[]) => [...new Set(countries)]),
    ),
  ),
  /** Honeypot: hidden from people, filled in by bots. */
  website: z.optional(z.string({ error: 'Leave this field empty' })),
});

export type SubscribeInput = z.infer<typeof subscribeSchema>;

export type FieldError = { field: string; message: string };

export function validateSubscription(input: unknown): { ok: true; data: SubscribeInput } | { ok: false; errors: FieldError[] } {
  const result = subscribeSchema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const errors = result.error.issues.map((issue) => ({
    // An issue inside the list of countries (`country.1`) is about the country field.
    field: issue.path.map(String).join('.').replace(/^country\..*/, 'country') || 'body',
    message: issue.message,
  }));
  // One message per field: a list with several bad countries is one problem for the reader.
  return { ok: false, errors: errors.filter((error, index) => errors.findIndex((other) => other.field === error.field) === index) };
}
