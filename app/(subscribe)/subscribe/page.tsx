import type { Metadata } from 'next';
import Link from 'next/link';
import { SubscribeCountriesForm } from '@/components/subscribe-section';
import { getCountries } from '@/lib/content';
import { countryPath } from '@/lib/paths';
import { subscribePageView } from '@/lib/subscribe/subscribe-page-view';

export const metadata: Metadata = { title: 'CrisisWatch by email', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The Subscribe page: the reader chooses the countries to follow. The form without JavaScript
 * lands here too (`?result=`): what happens next, or the form again with the problem.
 */
export default async function SubscribePage({ searchParams }: Props) {
  const query = await searchParams;
  const view = subscribePageView({ result: first(query.result), countries: [query.country ?? []].flat(), email: first(query.email) }, await getCountries());
  return (
    <>
      <h1>{view.heading}</h1>
      {view.message && <p role={view.message.role}>{view.message.text}</p>}
      {view.form && <SubscribeCountriesForm chosen={view.form.chosen} defaultEmail={view.form.email} problem={view.form.problem} />}
      {view.backTo && (
        <p>
          <Link href={countryPath(view.backTo.slug)}>Back to {view.backTo.name}</Link>
        </p>
      )}
    </>
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
