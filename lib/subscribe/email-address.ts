/**
 * The email field's rule and its messages, shared by the subscribe form in the browser and the
 * server's schema (subscribe-schema.ts, the authority). No zod here: this module is shipped to
 * every country page, and the form needs only this one field's check.
 */
export const EMAIL_MAX_LENGTH = 254;

/**
 * zod's "practical" email pattern (`z.regexes.email`), spelt out so the browser can use it
 * without zod: unlike `type=email` it wants a dot in the domain and a top-level name of two or
 * more letters, so `reader@example` is refused on both sides with the same message. Each label
 * of the domain has at most 63 characters (RFC 1035), or no mail could reach it.
 */
export const EMAIL_PATTERN = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]{0,62}\.)+[A-Za-z]{2,63}$/;

/** The field's problems in one language (the page's dictionary gives them; English below). */
export type EmailMessages = { missing: string; tooLong: string; malformed: string };

export const EMAIL_MESSAGES: EmailMessages = {
  missing: 'Enter your email address',
  tooLong: `An email address has at most ${EMAIL_MAX_LENGTH} characters`,
  malformed: 'Enter an email address in the form name@example.org',
};

/** What is wrong with an address as typed (surrounding spaces are ignored, as the server trims), or undefined. */
export function emailProblem(value: string, messages: EmailMessages = EMAIL_MESSAGES): string | undefined {
  const email = value.trim();
  if (email.length === 0) return messages.missing;
  if (email.length > EMAIL_MAX_LENGTH) return messages.tooLong;
  if (!EMAIL_PATTERN.test(email)) return messages.malformed;
  return undefined;
}
