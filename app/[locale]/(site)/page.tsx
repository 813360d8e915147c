import Link from '@/components/intent-link';
import { MonthBrief } from '@/components/crisiswatch-month/month-brief';
import styles from '@/components/crisiswatch-month/month.module.css';
import { VerdictBadge, VerdictsGuideLink } from '@/components/verdict-badge';
import { getCountries } from '@/lib/content';
import { latestMonth, monthView } from '@/lib/crisiswatch/month-view';
import { formatMonth } from '@/lib/format';
import { localeOf } from '@/lib/i18n/locale-param';
import { messages } from '@/lib/i18n/messages';
import { sectionMetadata } from '@/lib/page-metadata';
import { pathsFor } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = sectionMetadata('home', '/');

export default async function HomePage({ params }: Props) {
  const locale = localeOf(await params);
  const words = messages(locale);
  const paths = pathsFor(locale);
  const countries = await getCountries(locale);
  const month = latestMonth(countries);
  const latest = month ? monthView(countries, month, locale) : undefined;
  return (
    <div className="wide">
      <h1>{words.home.heading}</h1>
      {/* The month on a wide screen's larger side, every country beside it. */}
      <div className="home-columns">
        {latest && <MonthBrief view={latest} locale={locale} />}
        <section aria-labelledby="every-country" className="home-countries">
          <h2 id="every-country">{words.home.everyCountry}</h2>
          {countries.length === 0 ? (
            <p>{words.home.noCountries}</p>
          ) : (
            <ul className={`country-list ${styles.countryList}`}>
              {countries.map((country) => {
                const newest = country.entries[0];
                return (
                  <li key={country.slug} className="country-card">
                    <h3>
                      <Link href={paths.country(country.slug)}>{country.name}</Link>
                    </h3>
                    <p className="region">{country.region.join(' › ')}</p>
                    {newest ? (
                      <p className="country-card-verdict">
                        <Link href={paths.entry(country.slug, newest.month)}>{words.home.crisisWatchMonth(formatMonth(newest.month, locale))}</Link>
                        {words.language.colon}
                        <VerdictBadge verdict={newest.verdict} locale={locale} />
                      </p>
                    ) : (
                      <p>{words.home.noEntryYet}</p>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          <p>
            <VerdictsGuideLink locale={locale} />
          </p>
        </section>
      </div>
    </div>
  );
}
