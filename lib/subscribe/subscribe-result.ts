import type { SubscribeResultCode } from './handle-subscribe-request';

type ResultText = { heading: string; message: string; isError: boolean; offerForm: boolean };

const RESULTS: Record<SubscribeResultCode, ResultText> = {
  unavailable: {
    heading: 'Email updates are not open yet',
    message: 'Your address was not stored. Please come back and subscribe again later.',
    isError: false,
    offerForm: false,
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

function isResultCode(code: string): code is SubscribeResultCode {
  return Object.hasOwn(RESULTS, code);
}
