import { COUNTRY_MESSAGES } from './country-choice';
import { EMAIL_MESSAGES } from './email-address';
import { ACCEPTED_MESSAGE, type SubscribeResultCode } from './handle-subscribe-request';

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

const RESULTS: Record<SubscribeResultCode, ResultText> = {
  pending: {
    heading: 'Check your inbox',
    message: ACCEPTED_MESSAGE,
    isError: false,
    offerForm: false,
  },
  confirmed: {
    heading: 'You are subscribed',
    message: 'Every message we send has a link to change the countries you follow or to unsubscribe in one click.',
    isError: false,
    offerForm: false,
  },
  unsubscribed: {
    heading: 'You are unsubscribed',
    message: 'We will send you no more email. You can subscribe again at any time.',
    isError: false,
    offerForm: true,
  },
  expired: {
    heading: 'This confirmation link has expired',
    message: 'Links to confirm are valid for a limited time. Subscribe again and we will send you a new one.',
    isError: true,
    offerForm: true,
  },
  'invalid-link': {
    heading: 'This link cannot be used',
    message: 'It has already been used, or it was not copied whole. Subscribe again if you want to receive CrisisWatch by email.',
    isError: true,
    offerForm: true,
  },
  unavailable: {
    heading: 'Your subscription could not be saved',
    message: 'Our subscription service is briefly unavailable. Please try again in a minute.',
    isError: true,
    offerForm: true,
    unavailable: true,
  },
  'link-unavailable': {
    heading: 'This link cannot be used just now',
    message: 'Our subscription service is briefly unavailable. Your link still works: open it again in a few minutes.',
    isError: true,
    offerForm: false,
    unavailable: true,
  },
  'invalid-email': {
    heading: 'Check your email address',
    message: EMAIL_MESSAGES.malformed,
    isError: true,
    offerForm: true,
    field: 'email',
  },
  'no-country': {
    heading: 'Your subscription was not saved',
    message: COUNTRY_MESSAGES.none,
    isError: true,
    offerForm: true,
    field: 'country',
  },
  'unknown-country': {
    heading: 'Your subscription was not saved',
    message: COUNTRY_MESSAGES.unknown,
    isError: true,
    offerForm: true,
    field: 'country',
  },
  'bad-request': {
    heading: 'Your subscription could not be sent',
    message: 'Nothing was saved. Please fill in the form again.',
    isError: true,
    offerForm: true,
  },
};

/** The text of the page the form without JavaScript lands on; unknown codes get the form itself. */
export function describeSubscribeResult(code: string | undefined): ResultText {
  if (code && isResultCode(code)) return RESULTS[code];
  return { heading: 'CrisisWatch by email', message: '', isError: false, offerForm: true };
}

/** Whether `/subscribe?result=…` reports an outage, to be served as 503 (see proxy.ts). */
export function isUnavailableResult(code: string | null | undefined): boolean {
  return code !== null && code !== undefined && isResultCode(code) && RESULTS[code].unavailable === true;
}

function isResultCode(code: string): code is SubscribeResultCode {
  return Object.hasOwn(RESULTS, code);
}
