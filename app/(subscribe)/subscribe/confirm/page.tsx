import type { Metadata } from 'next';
import { LinkProblem } from '@/components/link-problem';
import { getCountries } from '@/lib/content';
import { countryNamesOf, crisisWatchEntriesFor, WHEN_SENT } from '@/lib/subscriptions/followed-countries';
import { checkConfirmation, countriesToConfirm } from '@/lib/subscriptions/subscriber-store';
import { readStoreForPage } from '@/lib/subscriptions/subscription-service';

export const metadata: Metadata = { title: 'Confirm your subscription', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Opening the link changes nothing: mail scanners follow links. Only the button's POST confirms.
 * While the store is down the page says so (proxy.ts serves it as 503) and the link keeps working.
 */
export default async function ConfirmPage({ searchParams }: Props) {
  const token = (await searchParams).token;
  const found = await readStoreForPage(async (store) => ({ state: await checkConfirmation(store, token, new Date()), followed: await countriesToConfirm(store, token) }));
  if (found === 'unavailable') return <LinkProblem code="link-unavailable" />;
  if (found.state !== 'valid' || typeof token !== 'string') return <LinkProblem code={found.state === 'expired' ? 'expired' : 'invalid-link'} />;
  const names = countryNamesOf(found.followed, await getCountries());
  return (
    <>
      <h1>Confirm your subscription</h1>
      <p>
        {names.length > 0
          ? `Press the button to receive ${crisisWatchEntriesFor(names)} by email, ${WHEN_SENT}.`
          : 'Press the button to confirm your address. You can then choose the countries to follow.'}{' '}
        Every message has a link to unsubscribe in one click.
      </p>
      <form method="post" action="/api/subscriptions/confirm">
        <input type="hidden" name="token" value={token} />
        <button type="submit">Confirm my subscription</button>
      </form>
    </>
  );
}
