import type { Metadata } from 'next';
import { LinkProblem } from '@/components/link-problem';
import { checkConfirmation } from '@/lib/subscriptions/subscriber-store';
import { readStoreForPage } from '@/lib/subscriptions/subscription-service';

export const metadata: Metadata = { title: 'Confirm your subscription', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Opening the link changes nothing: mail scanners follow links. Only the button's POST confirms.
 * While the store is down the page says so (proxy.ts serves it as 503) and the link keeps working.
 */
export default async function ConfirmPage({ searchParams }: Props) {
  const token = (await searchParams).token;
  const state = await readStoreForPage((store) => checkConfirmation(store, token, new Date()));
  if (state === 'unavailable') return <LinkProblem code="link-unavailable" />;
  if (state !== 'valid' || typeof token !== 'string') return <LinkProblem code={state === 'expired' ? 'expired' : 'invalid-link'} />;
  return (
    <>
      <h1>Confirm your subscription</h1>
      <p>Press the button to start receiving email updates. You can unsubscribe from any message in one click.</p>
      <form method="post" action="/api/subscriptions/confirm">
        <input type="hidden" name="token" value={token} />
        <button type="submit">Confirm my subscription</button>
      </form>
    </>
  );
}
