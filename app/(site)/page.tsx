import Link from 'next/link';
import { VerdictBadge } from '@/components/verdict-badge';
import { getCountries } from '@/lib/content';
import { formatMonth } from '@/lib/format';
import { pageMetadata } from '@/lib/page-metadata';
import { countryPath, entryPath } from '@/lib/paths';

export const metadata = pageMetadata({
  title: 'Countries and their latest CrisisWatch verdict',
  description: 'Where each conflict stands this month: every country we follow, with its latest CrisisWatch verdict.',
  path: '/',
});

export default async function HomePage() {
  const countries = await getCountries();
  return (
    <>
      <h1>Where each conflict stands</h1>
      {countries.length === 0 ? (
        <p>No countries are published yet.</p>
      ) : (
        <ul className="country-list">
          {countries.map((country) => {
            const latest = country.entries[0];
            return (
              <li key={country.slug} className="country-card">
                <h2>
                  <Link href={countryPath(country.slug)}>{country.name}</Link>
                </h2>
                <p className="region">{country.region.join(' › ')}</p>
                {latest ? (
                  <p>
                    <Link href={entryPath(country.slug, latest.month)}>CrisisWatch {formatMonth(latest.month)}</Link>:{' '}
                    <VerdictBadge verdict={latest.verdict} />
                  </p>
                ) : (
                  <p>No CrisisWatch entry yet.</p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
