import type { Locale } from '@/lib/i18n/locales';
import { describeSubscribeResult } from '@/lib/subscribe/subscribe-result';
import { SubscribeSection } from './subscribe-section';

/**
 * What an expired, used or broken link from an email leads to: what happened, and the form again
 * (not while the service is down: the link itself will work again).
 */
export function LinkProblem({ code, locale }: { code: 'expired' | 'invalid-link' | 'link-unavailable'; locale: Locale }) {
  const result = describeSubscribeResult(code, locale);
  return (
    <>
      <h1>{result.heading}</h1>
      <p role="alert">{result.message}</p>
      {result.offerForm && <SubscribeSection locale={locale} />}
    </>
  );
}
