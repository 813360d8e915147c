import type { Metadata } from 'next';
import Link from 'next/link';
import { SubscribeSection } from '@/components/subscribe-section';
import { getCountry } from '@/lib/content';
import { countryPath } from '@/lib/paths';
import { describeSubscribeResult } from '@/lib/subscribe/subscribe-result';

export const metadata: Metadata = { title: 'Email updates', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Where the subscribe form lands without JavaScript: says what happened and what happens next. */
export default async function SubscribeResultPage({ searchParams }: Props) {
  const query = await searchParams;
  const result = describeSubscribeResult(first(query.result));
  const country = await getCountry(first(query.country) ?? '');
  return (
    <>
      <h1>{result.heading}</h1>
      <p role={result.isError ? 'alert' : 'status'}>{result.message}</p>
      {country && (
        <p>
          <Link href={countryPath(country.slug)}>Back to {country.name}</Link>
        </p>
      )}
      {result.offerForm && <SubscribeSection country={country?.slug} />}
    </>
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
