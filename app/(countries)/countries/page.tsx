import Link from 'next/link';
import { MonthMap, type MonthMapItem } from '@/components/maps/month-map';
import { VerdictBadge, VerdictsGuideLink } from '@/components/verdict-badge';
import { getCountries, type Country } from '@/lib/content';
import { countriesByRegion } from '@/lib/countries/countries-by-region';
import { formatMonth } from '@/lib/format';
import { pageMetadata } from '@/lib/page-metadata';
import { COUNTRIES_PATH, countryFeedPath, countryPath, entryPath, historyDataPath, regionAnchor as headingId } from '@/lib/paths';

export const metadata = pageMetadata({
  title: 'Countries',
  description: 'Every country we follow, by region, with its latest CrisisWatch verdict, feed and data files.',
  path: COUNTRIES_PATH,
});

export default async function CountriesPage() {
  const countries = await getCountries();
  const groups = countriesByRegion(countries);
  return (
    <div className="with-aside">
      <article>
        <h1>Countries</h1>
        <p className="page-intro">
          Every country we follow, by region, with its latest CrisisWatch verdict. Follow any of them in a feed reader, or download its verdicts as a
          spreadsheet.
        </p>
        <p>
          <VerdictsGuideLink />
        </p>
        {groups.length === 0 && <p>No countries are published yet.</p>}
        {groups.map((group) => (
          <section key={group.region} aria-labelledby={headingId(group.region)} className="region-group">
            <h2 id={headingId(group.region)}>{group.region}</h2>
            {group.subregions.map((subregion) =>
              subregion.region === undefined ? (
                <CountryList key="" countries={subregion.countries} />
              ) : (
                <section key={subregion.region} aria-labelledby={headingId(group.region, subregion.region)}>
                  <h3 id={headingId(group.region, subregion.region)}>{subregion.region}</h3>
                  <CountryList countries={subregion.countries} />
                </section>
              ),
            )}
          </section>
        ))}
      </article>
      <aside className="side-column" aria-label="On the map">
        <MonthMap label="Each country’s latest CrisisWatch verdict" items={latestVerdicts(countries)} description="Each country links to its latest CrisisWatch entry." />
      </aside>
    </div>
  );
}

/** Each country's newest entry, as the map draws it (countries without an entry are left off). */
function latestVerdicts(countries: readonly Country[]): MonthMapItem[] {
  return countries.flatMap((country) => {
    const [latest] = country.entries;
    if (!latest) return [];
    return [{ name: country.name, iso3166: country.iso3166, region: country.region[0], verdict: latest.verdict, alerts: latest.alerts, href: entryPath(country.slug, latest.month) }];
  });
}

function CountryList({ countries }: { countries: Country[] }) {
  return (
    <ul className="country-rows">
      {countries.map((country) => {
        const latest = country.entries[0];
        return (
          <li key={country.slug}>
            <p className="country-row-name">
              <Link href={countryPath(country.slug)}>{country.name}</Link>
            </p>
            {latest ? (
              <p>
                <Link href={entryPath(country.slug, latest.month)}>CrisisWatch {formatMonth(latest.month)}</Link>: <VerdictBadge verdict={latest.verdict} />
              </p>
            ) : (
              <p>No CrisisWatch entry yet.</p>
            )}
            <p className="country-row-files">
              <a href={countryFeedPath(country.slug)}>
                Atom feed<span className="visually-hidden"> of {country.name}</span>
              </a>{' '}
              ·{' '}
              <a href={historyDataPath(country.slug, 'csv')}>
                Verdicts as CSV<span className="visually-hidden"> for {country.name}</span>
              </a>{' '}
              ·{' '}
              <a href={historyDataPath(country.slug, 'json')}>
                JSON<span className="visually-hidden"> verdicts for {country.name}</span>
              </a>
            </p>
          </li>
        );
      })}
    </ul>
  );
}

