import type { Metadata } from 'next';
import Link from '@/components/intent-link';
import { SubscribeCountriesForm } from '@/components/subscribe-section';
import { getCountries } from '@/lib/content';
import { localeOf } from '@/lib/i18n/locale-param';
import { messages } from '@/lib/i18n/messages';
import { pathsFor } from '@/lib/paths';
import { subscribePageView } from '@/lib/subscribe/subscribe-page-view';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: messages(localeOf(await params)).subscribe.title, robots: { index: false } };
}

/**
 * The Subscribe page: the reader chooses the countries to follow. The form without JavaScript
 * lands here too (`?result=`): what happens next, or the form again with the problem.
 */
export default async function SubscribePage({ params, searchParams }: Props) {
  const locale = localeOf(await params);
  const query = await searchParams;
  const view = subscribePageView({ result: first(query.result), countries: [query.country ?? []].flat(), email: first(query.email) }, await getCountries(locale), locale);
  return (
    <>
      <h1>{view.heading}</h1>
      {view.message && <p role={view.message.role}>{view.message.text}</p>}
      {view.form && <SubscribeCountriesForm chosen={view.form.chosen} defaultEmail={view.form.email} problem={view.form.problem} locale={locale} />}
      {view.backTo && (
        <p>
          <Link href={pathsFor(locale).country(view.backTo.slug)}>{messages(locale).subscribe.backTo(view.backTo.name)}</Link>
        </p>
      )}
    </>
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
