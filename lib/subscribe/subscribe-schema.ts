import * as z from 'zod/mini';

/**
 * What the subscribe form sends. The form validates with this before posting and the API
 * route validates with it again, so the reader sees the same message either way. zod/mini
 * keeps the copy shipped to the browser small.
 */
export const EMAIL_MAX_LENGTH = 254;

export const subscribeSchema = z.object({
  email: z.pipe(
    z.string({ error: 'Enter your email address' }).check(
      z.trim(),
      z.minLength(1, 'Enter your email address'),
      z.maxLength(EMAIL_MAX_LENGTH, `An email address has at most ${EMAIL_MAX_LENGTH} characters`),
    ),
    z.email('Enter an email address in the form name@example.org'),
  ),
  country: z.optional(z.string({ error: 'Unknown country' }).check(z.regex(/^[a-z][a-z0-9-]{0,62}$/, 'Unknown country'))),
  /** Honeypot: hidden from people, filled in by bots. */
  website: z.optional(z.string({ error: 'Leave this field empty' })),
});

export type SubscribeInput = z.infer<typeof subscribeSchema>;

export type FieldError = { field: string; message: string };

export function validateSubscription(input: unknown): { ok: true; data: SubscribeInput } | { ok: false; errors: FieldError[] } {
  const result = subscribeSchema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const errors = result.error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || 'body',
    message: issue.message,
  }));
  return { ok: false, errors };
}
