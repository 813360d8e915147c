import { ACCEPTED_MESSAGE, type SubscribeResultCode } from './handle-subscribe-request';

type ResultText = {
  heading: string;
  message: string;
  isError: boolean;
  offerForm: boolean;
  /** The page is served as 503 with Retry-After (proxy.ts): a service is down, not the reader's input. */
  unavailable?: boolean;
};

const RESULTS: Record<SubscribeResultCode, ResultText> = {
  pending: {
    heading: 'Check your inbox',
    message: `${ACCEPTED_MESSAGE} Nothing will be sent to you until you confirm.`,
    isError: false,
    offerForm: false,
  },
  confirmed: {
    heading: 'You are subscribed',
    message: 'Thank you for confirming. Every message we send has a link to unsubscribe in one click.',
    isError: false,
    offerForm: false,
  },
  unsubscribed: {
    heading: 'You are unsubscribed',
    message: 'We will not send you any more email updates. You can subscribe again at any time.',
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
    message: 'It has already been used, or it was not copied whole. Subscribe again if you want to receive our email updates.',
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
    message: 'Enter an email address in the form name@example.org. Nothing was stored.',
    isError: true,
    offerForm: true,
  },
  'bad-request': {
    heading: 'The form could not be read',
    message: 'Something in the form was not as expected. Nothing was stored; please try again.',
    isError: true,
    offerForm: true,
  },
};

/** The text of the page the form without JavaScript lands on; unknown codes get a neutral page. */
export function describeSubscribeResult(code: string | undefined): ResultText {
  if (code && isResultCode(code)) return RESULTS[code];
  return { heading: 'Email updates', message: 'Leave your email address to receive updates.', isError: false, offerForm: true };
}

/** Whether `/subscribe?result=…` reports an outage, to be served as 503 (see proxy.ts). */
export function isUnavailableResult(code: string | null | undefined): boolean {
  return code !== null && code !== undefined && isResultCode(code) && RESULTS[code].unavailable === true;
}

function isResultCode(code: string): code is SubscribeResultCode {
  return Object.hasOwn(RESULTS, code);
}
