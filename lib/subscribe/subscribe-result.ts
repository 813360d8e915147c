import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { messages } from '../i18n/messages';
import type { SubscribeResultCode } from './handle-subscribe-request';

type ResultText = {
  heading: string;
  /** Said below the heading; a field's problem is said next to that field instead. */
  message: string;
  isError: boolean;
  offerForm: boolean;
  /** The form field the problem is about: the page shows the message next to it, and only there. */
  field?: 'email' | 'country';
  /** The page is served as 503 with Retry-After (proxy.ts): a service is down, not the reader's input. */
  unavailable?: boolean;
};

/** What each result is, whatever the language. */
type ResultKind = Omit<ResultText, 'heading' | 'message'>;

const RESULTS: Record<SubscribeResultCode, ResultKind> = {
  pending: { isError: false, offerForm: false },
  confirmed: { isError: false, offerForm: false },
  unsubscribed: { isError: false, offerForm: true },
  expired: { isError: true, offerForm: true },
  'invalid-link': { isError: true, offerForm: true },
  unavailable: { isError: true, offerForm: true, unavailable: true },
  'link-unavailable': { isError: true, offerForm: false, unavailable: true },
  'invalid-email': { isError: true, offerForm: true, field: 'email' },
  'no-country': { isError: true, offerForm: true, field: 'country' },
  'unknown-country': { isError: true, offerForm: true, field: 'country' },
  'bad-request': { isError: true, offerForm: true },
};

/** Each result's heading and message in `locale`. */
function resultWords(code: SubscribeResultCode, locale: Locale): Pick<ResultText, 'heading' | 'message'> {
  const words = messages(locale).subscribe;
  const results = words.results;
  switch (code) {
    case 'pending':
      return results.pending;
    case 'confirmed':
      return results.confirmed;
    case 'unsubscribed':
      return results.unsubscribed;
    case 'expired':
      return results.expired;
    case 'invalid-link':
      return results.invalidLink;
    case 'unavailable':
      return results.unavailable;
    case 'link-unavailable':
      return results.linkUnavailable;
    case 'invalid-email':
      return { heading: results.invalidEmail.heading, message: words.emailProblems.malformed };
    case 'no-country':
      return { heading: results.notSaved.heading, message: words.countryProblems.none };
    case 'unknown-country':
      return { heading: results.notSaved.heading, message: words.countryProblems.unknown };
    case 'bad-request':
      return results.badRequest;
  }
}

/** The text of the page the form without JavaScript lands on; unknown codes get the form itself. */
export function describeSubscribeResult(code: string | undefined, locale: Locale = DEFAULT_LOCALE): ResultText {
  if (code && isResultCode(code)) return { ...RESULTS[code], ...resultWords(code, locale) };
  return { heading: messages(locale).subscribe.heading, message: '', isError: false, offerForm: true };
}

/** Whether `/subscribe?result=…` reports an outage, to be served as 503 (see proxy.ts). */
export function isUnavailableResult(code: string | null | undefined): boolean {
  return code !== null && code !== undefined && isResultCode(code) && RESULTS[code].unavailable === true;
}

function isResultCode(code: string): code is SubscribeResultCode {
  return Object.hasOwn(RESULTS, code);
}
