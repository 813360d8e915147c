import * as z from 'zod/mini';
import { EMAIL_MAX_LENGTH, EMAIL_MESSAGES, EMAIL_PATTERN } from './email-address';

/**
 * What the subscribe form sends, as the API route accepts it: the authority. Server-side only;
 * the form in the browser checks the email field with the same rule and messages from
 * email-address.ts (no zod there), so the reader sees the same message either way.
 */
export const subscribeSchema = z.object({
  email: z.pipe(
    z.string({ error: EMAIL_MESSAGES.missing }).check(
      z.trim(),
      z.minLength(1, EMAIL_MESSAGES.missing),
      z.maxLength(EMAIL_MAX_LENGTH, EMAIL_MESSAGES.tooLong),
    ),
    z.email({ pattern: EMAIL_PATTERN, error: EMAIL_MESSAGES.malformed }),
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
