import { isStoreUnavailable, retryAfterFor } from '../db/store-gate';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../i18n/locales';
import { messages } from '../i18n/messages';
import { localizePath } from '../paths';
import type { SubscriptionRequest } from '../subscriptions/subscriber-store';
import { COUNTRY_MESSAGES } from './country-choice';
import { EMAIL_MAX_LENGTH } from './email-address';
import { plainText } from './plain-text';
import type { RateLimiter } from './rate-limiter';
import { BodyIncompleteError, BodyTooLargeError, readBodyText } from './read-request-body';
import { validateSubscription, type FieldError } from './subscribe-schema';

export const MAX_BODY_BYTES = 4 * 1024;

/** Where the form without JavaScript lands after posting (Post/Redirect/Get). */
export const RESULT_PAGE = '/subscribe';

export type SubscribeResultCode =
  | 'pending'
  | 'invalid-email'
  | 'no-country'
  | 'unknown-country'
  | 'bad-request'
  | 'unavailable'
  | 'link-unavailable'
  | 'confirmed'
  | 'unsubscribed'
  | 'expired'
  | 'invalid-link';

/** What the form without JavaScript sent, given back to the page it lands on so nothing typed or ticked is lost. */
export type KeptInput = { countries?: readonly string[]; email?: string };

type Format = 'form' | 'json';

export type SubscribeDependencies = {
  /** Whether a browser's Origin header is this site (see same-origin.ts). */
  isAllowedOrigin: (origin: string) => boolean;
  isKnownCountry: (slug: string) => boolean;
  /** Who is posting, for the rate limit (see client-address.ts). */
  clientKey: string;
  rateLimiter: RateLimiter;
  /** Stores the request durably; resolves only once it is committed (StoreUnavailableError: try later). */
  subscribe: (request: SubscriptionRequest) => Promise<void>;
  log?: (message: string, error?: unknown) => void;
};

export const UNAVAILABLE_MESSAGE = 'Your subscription could not be saved just now. Please try again in a minute.';

/** The one answer to every valid address, whether it is new, pending, confirmed or unsubscribed. */
export const ACCEPTED_MESSAGE = 'Thank you. Unless this address is already subscribed, a message with a link to confirm your subscription is on its way.';

/**
 * The subscribe endpoint's whole behaviour, independent of Next.js so it can be tested with
 * plain Request objects. Nothing is stored unless every check passes; nothing is acknowledged
 * until it is stored; the answer never reveals whether an address was already known.
 */
export async function handleSubscribeRequest(request: Request, deps: SubscribeDependencies): Promise<Response> {
  const format = formatOf(request.headers.get('content-type'));
  const origin = request.headers.get('origin');
  if (origin !== null && !deps.isAllowedOrigin(origin)) {
    return problem(403, 'origin', 'Subscriptions are accepted only from this site’s own form.', format);
  }
  const limited = await deps.rateLimiter.take(deps.clientKey);
  if (!limited.allowed) {
    return problem(429, 'body', `Too many attempts from your connection. Please try again in ${limited.retryAfterSeconds} seconds.`, format, {
      'Retry-After': String(limited.retryAfterSeconds),
    });
  }
  if (!format) {
    return problem(415, 'body', 'Send the form as application/x-www-form-urlencoded or application/json.', format);
  }

  let text: string;
  try {
    text = await readBodyText(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return problem(413, 'body', `The request body must be at most ${MAX_BODY_BYTES} bytes.`, format);
    if (error instanceof TypeError) return problem(400, 'body', 'The request body is not valid UTF-8 text.', format);
    if (error instanceof BodyIncompleteError) {
      // The client went away mid-upload: nobody reads this answer, and it is not our fault.
      deps.log?.(`subscribe: ${error.message}`);
      return problem(400, 'body', 'The request body did not arrive whole.', format);
    }
    throw error;
  }

  const fields = format === 'json' ? parseJsonObject(text) : formFields(new URLSearchParams(text));
  if (!fields) return problem(400, 'body', 'The request body must be a JSON object with an email field.', format);

  // The page's language, posted by its form: the answer is in it, the form lands on its page, and
  // the subscriber's mail is in it from now on.
  const posted = typeof fields.locale === 'string' && isLocale(fields.locale) ? fields.locale : undefined;
  const locale = posted ?? DEFAULT_LOCALE;
  const result = validateSubscription(fields);
  if (!result.ok) {
    const fieldError = result.errors.find((error) => error.field === 'email' || error.field === 'country');
    if (format === 'form') return redirectToResult(formResultCode(fieldError), keptInput(fields, deps), locale);
    return Response.json({ ok: false, errors: result.errors }, { status: fieldError ? 422 : 400 });
  }
  const { email, country: countries, website } = result.data;
  if (!countries.every(deps.isKnownCountry)) {
    if (format === 'form') return redirectToResult('unknown-country', keptInput(fields, deps), locale);
    return problem(422, 'country', COUNTRY_MESSAGES.unknown, format);
  }
  if (website) {
    // A bot filled the honeypot: it gets the ordinary answer and nothing is stored.
    deps.log?.('subscribe: honeypot filled, nothing stored');
    return accepted(format, countries, locale);
  }
  try {
    await deps.subscribe({ email, countries, ...(posted && { locale: posted }) });
  } catch (error) {
    // The store gate has logged the outage; anything else is logged here. Neither reaches the client.
    if (!isStoreUnavailable(error)) deps.log?.('subscribe: could not store a subscription', error);
    if (format === 'form') return redirectToResult('unavailable', { countries, email }, locale);
    return Response.json({ ok: false, message: UNAVAILABLE_MESSAGE }, { status: 503, headers: { 'Retry-After': String(retryAfterFor(error)) } });
  }
  return accepted(format, countries, locale);
}

function accepted(format: Format, countries: readonly string[], locale: Locale): Response {
  if (format === 'form') return redirectToResult('pending', { countries }, locale);
  return Response.json({ ok: true, message: messages(locale).subscribe.results.pending.message }, { status: 202 });
}

/**
 * Post/Redirect/Get to the result page. The address comes back only when the form is refused
 * (so the reader can correct it), never once it is accepted: a URL ends up in the history.
 */
export function redirectToResult(code: SubscribeResultCode, kept: KeptInput = {}, locale: Locale = DEFAULT_LOCALE): Response {
  const query = new URLSearchParams({ result: code });
  for (const country of kept.countries ?? []) query.append('country', country);
  if (kept.email) query.set('email', kept.email);
  // Relative Location: the browser resolves it against the address it posted to, proxy or not.
  return new Response(null, { status: 303, headers: { Location: `${localizePath(locale, RESULT_PAGE)}?${query}` } });
}

function formResultCode(fieldError: FieldError | undefined): SubscribeResultCode {
  if (fieldError?.field === 'email') return 'invalid-email';
  if (fieldError?.field === 'country') return fieldError.message === COUNTRY_MESSAGES.none ? 'no-country' : 'unknown-country';
  return 'bad-request';
}

/** JSON for scripts; a short plain-text page for the form without JavaScript. */
function problem(status: number, field: string, message: string, format: Format | undefined, headers: Record<string, string> = {}): Response {
  if (format === 'form') return plainText(message, status, headers);
  const errors: FieldError[] = [{ field, message }];
  return Response.json({ ok: false, errors }, { status, headers });
}

function formatOf(contentType: string | null): Format | undefined {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType === 'application/x-www-form-urlencoded') return 'form';
  if (mediaType === 'application/json') return 'json';
  return undefined;
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : undefined;
  } catch {
    return undefined;
  }
}

/** A form's fields; `country` repeats, one per ticked box. */
function formFields(params: URLSearchParams): Record<string, unknown> {
  const fields: Record<string, unknown> = Object.fromEntries(params);
  if (params.has('country')) fields.country = params.getAll('country');
  return fields;
}

/** What a refused form gives back: the countries this site knows (never an unknown value echoed) and the address as typed. */
function keptInput(fields: Record<string, unknown>, deps: SubscribeDependencies): KeptInput {
  const countries = [fields.country].flat().filter((country): country is string => typeof country === 'string' && deps.isKnownCountry(country));
  const email = typeof fields.email === 'string' ? fields.email.trim().slice(0, EMAIL_MAX_LENGTH) : undefined;
  return { countries: [...new Set(countries)], email: email || undefined };
}
