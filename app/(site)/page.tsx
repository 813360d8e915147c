import Link from 'next/link';
import { MonthBrief } from '@/components/crisiswatch-month/month-brief';
import styles from '@/components/crisiswatch-month/month.module.css';
import { VerdictBadge, VerdictsGuideLink } from '@/components/verdict-badge';
import { getCountries } from '@/lib/content';
import { latestMonth, monthView } from '@/lib/crisiswatch/month-view';
import { formatMonth } from '@/lib/format';
import { pageMetadata } from '@/lib/page-metadata';
import { countryPath, entryPath } from '@/lib/paths';

export const metadata = pageMetadata({
  title: 'Countries and their latest CrisisWatch verdict',
  description: 'Where each conflict stands this month: the latest CrisisWatch month across countries, and every country we follow with its latest verdict.',
  path: '/',
});

export default async function HomePage() {
  const countries = await getCountries();
  const month = latestMonth(countries);
  const latest = month ? monthView(countries, month) : undefined;
  return (
    <div className="wide">
      <h1>Where each conflict stands</h1>
      {/* The month on a wide screen's larger side, every country beside it. */}
      <div className="home-columns">
        {latest && <MonthBrief view={latest} />}
        <section aria-labelledby="every-country" className="home-countries">
          <h2 id="every-country">Every country we follow</h2>
          {countries.length === 0 ? (
            <p>No countries are published yet.</p>
          ) : (
            <ul className={`country-list ${styles.countryList}`}>
              {countries.map((country) => {
                const newest = country.entries[0];
                return (
                  <li key={country.slug} className="country-card">
                    <h3>
                      <Link href={countryPath(country.slug)}>{country.name}</Link>
                    </h3>
                    <p className="region">{country.region.join(' › ')}</p>
                    {newest ? (
                      <p className="country-card-verdict">
                        <Link href={entryPath(country.slug, newest.month)}>CrisisWatch {formatMonth(newest.month)}</Link>:{' '}
                        <VerdictBadge verdict={newest.verdict} />
                      </p>
                    ) : (
                      <p>No CrisisWatch entry yet.</p>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          <p>
            <VerdictsGuideLink />
          </p>
        </section>
      </div>
    </div>
  );
}
