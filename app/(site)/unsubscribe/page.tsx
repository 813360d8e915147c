import type { Metadata } from 'next';
import Link from 'next/link';
import { LinkProblem } from '@/components/link-problem';
import { preferencesPath, unsubscribePath } from '@/lib/paths';
import { checkUnsubscribe } from '@/lib/subscriptions/subscriber-store';
import { readStoreForPage } from '@/lib/subscriptions/subscription-service';

export const metadata: Metadata = { title: 'Unsubscribe', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One button. Mail clients POST `List-Unsubscribe=One-Click` to this same URL (RFC 8058). */
export default async function UnsubscribePage({ searchParams }: Props) {
  const token = (await searchParams).token;
  const state = await readStoreForPage((store) => checkUnsubscribe(store, token));
  if (state === 'unavailable') return <LinkProblem code="link-unavailable" />;
  if (typeof token !== 'string' || state !== 'valid') return <LinkProblem code="invalid-link" />;
  return (
    <>
      <h1>Unsubscribe from all email</h1>
      <p>Press the button and we will send you no more CrisisWatch entries, for any country.</p>
      <form method="post" action={unsubscribePath(token)}>
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <input type="hidden" name="from" value="page" />
        <button type="submit">Unsubscribe</button>
      </form>
      <p>
        To keep some countries and stop the others, <Link href={preferencesPath(token)} prefetch={false}>choose the countries you follow</Link> instead.
      </p>
    </>
  );
}
