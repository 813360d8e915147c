import type { Metadata } from 'next';
import Link from '@/components/intent-link';
import { LinkProblem } from '@/components/link-problem';
import { localeOf } from '@/lib/i18n/locale-param';
import { messages } from '@/lib/i18n/messages';
import { pathsFor } from '@/lib/paths';
import { checkUnsubscribe } from '@/lib/subscriptions/subscriber-store';
import { readStoreForPage } from '@/lib/subscriptions/subscription-service';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: messages(localeOf(await params)).unsubscribe.title, robots: { index: false } };
}

/** One button. Mail clients POST `List-Unsubscribe=One-Click` to this same URL (RFC 8058). */
export default async function UnsubscribePage({ params, searchParams }: Props) {
  const locale = localeOf(await params);
  const words = messages(locale).unsubscribe;
  const paths = pathsFor(locale);
  const token = (await searchParams).token;
  const state = await readStoreForPage((store) => checkUnsubscribe(store, token));
  if (state === 'unavailable') return <LinkProblem code="link-unavailable" locale={locale} />;
  if (typeof token !== 'string' || state !== 'valid') return <LinkProblem code="invalid-link" locale={locale} />;
  const [before, choose, after] = words.instead;
  return (
    <>
      <h1>{words.heading}</h1>
      <p>{words.text}</p>
      <form method="post" action={paths.unsubscribe(token)}>
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <input type="hidden" name="from" value="page" />
        <input type="hidden" name="locale" value={locale} />
        <button type="submit">{words.button}</button>
      </form>
      <p>
        {before}
        <Link href={paths.preferences(token)} prefetch={false}>
          {choose}
        </Link>
        {after}
      </p>
    </>
  );
}
