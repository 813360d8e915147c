import type { Metadata } from 'next';
import { LinkProblem } from '@/components/link-problem';
import { getCountries } from '@/lib/content';
import { localeOf } from '@/lib/i18n/locale-param';
import { messages } from '@/lib/i18n/messages';
import { countryNamesOf, crisisWatchEntriesFor } from '@/lib/subscriptions/followed-countries';
import { checkConfirmation, countriesToConfirm } from '@/lib/subscriptions/subscriber-store';
import { readStoreForPage } from '@/lib/subscriptions/subscription-service';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: messages(localeOf(await params)).confirm.title, robots: { index: false } };
}

/**
 * Opening the link changes nothing: mail scanners follow links. Only the button's POST confirms.
 * While the store is down the page says so (proxy.ts serves it as 503) and the link keeps working.
 */
export default async function ConfirmPage({ params, searchParams }: Props) {
  const locale = localeOf(await params);
  const words = messages(locale);
  const token = (await searchParams).token;
  const found = await readStoreForPage(async (store) => ({ state: await checkConfirmation(store, token, new Date()), followed: await countriesToConfirm(store, token) }));
  if (found === 'unavailable') return <LinkProblem code="link-unavailable" locale={locale} />;
  if (found.state !== 'valid' || typeof token !== 'string') return <LinkProblem code={found.state === 'expired' ? 'expired' : 'invalid-link'} locale={locale} />;
  const names = countryNamesOf(found.followed, await getCountries(locale), locale);
  return (
    <>
      <h1>{words.confirm.heading}</h1>
      <p>
        {names.length > 0 ? words.confirm.press(crisisWatchEntriesFor(names, locale), words.subscribe.whenSent) : words.confirm.pressNothing} {words.confirm.oneClick}
      </p>
      <form method="post" action="/api/subscriptions/confirm">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="locale" value={locale} />
        <button type="submit">{words.confirm.button}</button>
      </form>
    </>
  );
}
