import Link from '@/components/intent-link';
import { MonthMap, type MonthMapItem } from '@/components/maps/month-map';
import { VerdictBadge, VerdictsGuideLink } from '@/components/verdict-badge';
import { getCountries, type Country } from '@/lib/content';
import { countriesByRegion } from '@/lib/countries/countries-by-region';
import { formatMonth } from '@/lib/format';
import { localeOf } from '@/lib/i18n/locale-param';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import { sectionMetadata } from '@/lib/page-metadata';
import { historyDataPath, pathsFor, regionAnchor as headingId } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = sectionMetadata('countries', pathsFor('en').countries);

export default async function CountriesPage({ params }: Props) {
  const locale = localeOf(await params);
  const words = messages(locale).countries;
  const countries = await getCountries(locale);
  const groups = countriesByRegion(countries);
  return (
    <div className="with-aside">
      <article>
        <h1>{words.title}</h1>
        <p className="page-intro">{words.intro}</p>
        <p>
          <VerdictsGuideLink locale={locale} />
        </p>
        {groups.length === 0 && <p>{words.none}</p>}
        {groups.map((group) => (
          <section key={group.region} aria-labelledby={headingId(group.region)} className="region-group">
            <h2 id={headingId(group.region)}>{group.region}</h2>
            {group.subregions.map((subregion) =>
              subregion.region === undefined ? (
                <CountryList key="" countries={subregion.countries} locale={locale} />
              ) : (
                <section key={subregion.region} aria-labelledby={headingId(group.region, subregion.region)}>
                  <h3 id={headingId(group.region, subregion.region)}>{subregion.region}</h3>
                  <CountryList countries={subregion.countries} locale={locale} />
                </section>
              ),
            )}
          </section>
        ))}
      </article>
      <aside className="side-column" aria-label={words.onTheMap}>
        <MonthMap label={words.mapLabel} items={latestVerdicts(countries, locale)} description={words.mapDescription} locale={locale} />
      </aside>
    </div>
  );
}

/** Each country's newest entry, as the map draws it (countries without an entry are left off). */
function latestVerdicts(countries: readonly Country[], locale: Locale): MonthMapItem[] {
  const paths = pathsFor(locale);
  return countries.flatMap((country) => {
    const [latest] = country.entries;
    if (!latest) return [];
    return [{ name: country.name, iso3166: country.iso3166, region: country.region[0], verdict: latest.verdict, alerts: latest.alerts, href: paths.entry(country.slug, latest.month) }];
  });
}

function CountryList({ countries, locale }: { countries: Country[]; locale: Locale }) {
  const words = messages(locale);
  const paths = pathsFor(locale);
  return (
    <ul className="country-rows">
      {countries.map((country) => {
        const latest = country.entries[0];
        return (
          <li key={country.slug}>
            <p className="country-row-name">
              <Link href={paths.country(country.slug)}>{country.name}</Link>
            </p>
            {latest ? (
              <p>
                <Link href={paths.entry(country.slug, latest.month)}>{words.home.crisisWatchMonth(formatMonth(latest.month, locale))}</Link>
                {words.language.colon}
                <VerdictBadge verdict={latest.verdict} locale={locale} />
              </p>
            ) : (
              <p>{words.home.noEntryYet}</p>
            )}
            <p className="country-row-files">
              <a href={paths.countryFeed(country.slug)}>
                {words.countries.feed}
                <span className="visually-hidden">{words.countries.feedOf(country.name)}</span>
              </a>{' '}
              ·{' '}
              <a href={historyDataPath(country.slug, 'csv')}>
                {words.countries.csv}
                <span className="visually-hidden">{words.countries.csvOf(country.name)}</span>
              </a>{' '}
              ·{' '}
              <a href={historyDataPath(country.slug, 'json')}>
                {words.countries.json}
                <span className="visually-hidden">{words.countries.jsonOf(country.name)}</span>
              </a>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
