import { BodyTooLargeError, readBodyText } from './read-request-body';
import { validateSubscription, type FieldError } from './subscribe-schema';

export const MAX_BODY_BYTES = 4 * 1024;

/** Where the form without JavaScript lands after posting (Post/Redirect/Get). */
export const RESULT_PAGE = '/subscribe';

export type SubscribeResultCode = 'unavailable' | 'invalid-email' | 'bad-request';

type Format = 'form' | 'json';

export type SubscribeDependencies = {
  /** Origins allowed to post (the site's own). */
  allowedOrigins: readonly string[];
  isKnownCountry: (slug: string) => boolean;
  log?: (message: string, error?: unknown) => void;
};

/**
 * The subscribe endpoint's whole behaviour, independent of Next.js so it can be tested with
 * plain Request objects. The subscription store is not built yet: a valid request is
 * answered honestly that nothing was stored.
 */
export async function handleSubscribeRequest(request: Request, deps: SubscribeDependencies): Promise<Response> {
  const origin = request.headers.get('origin');
  if (origin !== null && !deps.allowedOrigins.includes(origin)) {
    return problem(403, 'origin', 'Subscriptions are accepted only from this site’s own form.');
  }
  const format = formatOf(request.headers.get('content-type'));
  if (!format) {
    return problem(415, 'body', 'Send the form as application/x-www-form-urlencoded or application/json.');
  }

  let text: string;
  try {
    text = await readBodyText(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return problem(413, 'body', `The request body must be at most ${MAX_BODY_BYTES} bytes.`);
    if (error instanceof TypeError) return problem(400, 'body', 'The request body is not valid UTF-8 text.');
    throw error;
  }

  const fields = format === 'json' ? parseJsonObject(text) : Object.fromEntries(new URLSearchParams(text));
  if (!fields) return problem(400, 'body', 'The request body must be a JSON object with an email field.');

  const result = validateSubscription(fields);
  if (!result.ok) {
    const emailError = result.errors.find((error) => error.field === 'email');
    if (format === 'form') return redirectToResult(emailError ? 'invalid-email' : 'bad-request', countryOf(fields, deps));
    return Response.json({ ok: false, errors: result.errors }, { status: emailError ? 422 : 400 });
  }
  const country = result.data.country;
  if (country !== undefined && !deps.isKnownCountry(country)) {
    return format === 'form' ? redirectToResult('bad-request') : problem(400, 'country', 'Unknown country.');
  }
  if (result.data.website) {
    // A bot filled the honeypot; deliberately indistinguishable from the answer a person gets.
    deps.log?.('subscribe: honeypot filled, nothing stored');
  }
  return unavailable(format, country);
}

function unavailable(format: Format, country: string | undefined): Response {
  if (format === 'form') return redirectToResult('unavailable', country);
  return Response.json(
    { ok: false, message: 'Email updates are not open yet. Your address was not stored; please try again later.' },
    { status: 503, headers: { 'Retry-After': '86400' } },
  );
}

function redirectToResult(code: SubscribeResultCode, country?: string): Response {
  const query = new URLSearchParams({ result: code });
  if (country) query.set('country', country);
  // Relative Location: the browser resolves it against the address it posted to, proxy or not.
  return new Response(null, { status: 303, headers: { Location: `${RESULT_PAGE}?${query}` } });
}

function problem(status: number, field: string, message: string): Response {
  const errors: FieldError[] = [{ field, message }];
  return Response.json({ ok: false, errors }, { status });
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

function countryOf(fields: Record<string, unknown>, deps: SubscribeDependencies): string | undefined {
  const country = fields.country;
  return typeof country === 'string' && deps.isKnownCountry(country) ? country : undefined;
}
