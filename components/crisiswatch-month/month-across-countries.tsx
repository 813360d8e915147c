import Link from 'next/link';
import type { MonthView } from '@/lib/crisiswatch/month-view';
import { formatMonth } from '@/lib/format';
import { monthPath } from '@/lib/paths';
import { MonthMap } from '../maps/month-map';
import { AlertList, VerdictBadge } from '../verdict-badge';
import { MonthNav } from './month-nav';
import { MonthTable } from './month-table';
import styles from './month.module.css';

/**
 * One month across every country, grouped as CrisisWatch groups it (alerts, then verdicts),
 * then the same facts as a table, then the way to the months before and after. Shown as the
 * latest month (at /crisiswatch), it says where the month's permanent address is.
 */
export function MonthAcrossCountries({ view, latest = false }: { view: MonthView; latest?: boolean }) {
  const month = formatMonth(view.month);
  const count = view.countries.length;
  return (
    <article className="wide">
      <h1>CrisisWatch: {month}</h1>
      <p className={styles.summary}>
        {count} {count === 1 ? 'country' : 'countries'} in CrisisWatch for {month}, grouped as CrisisWatch groups them: alerts first, then each
        verdict. A country with an alert is listed under the alert and again under its verdict.
      </p>
      {latest && (
        <p className={styles.permalink}>
          This is the latest month. Its permanent address: <Link href={monthPath(view.month)}>CrisisWatch {month}</Link>.
        </p>
      )}
      {/* Groups beside the map and table on a wide screen; in this order when read or tabbed through. */}
      <div className={styles.monthColumns}>
        <div>
          {view.groups.map((group) => (
            <section key={group.id} aria-labelledby={`group-${group.id}`} className={styles.group}>
              <h2 id={`group-${group.id}`}>{group.heading}</h2>
              {group.countries.length === 0 ? (
                <p className={styles.none}>None this month.</p>
              ) : (
                <ul className={styles.countries}>
                  {group.countries.map((country) => (
                    <li key={country.slug}>
                      <h3 className={styles.countryName}>
                        {/* Named with the month: every group links the same countries, a screen reader's link list tells them apart. */}
                        <Link href={country.href} aria-label={`${country.name}, ${month}`}>
                          {country.name}
                        </Link>
                      </h3>
                      {country.draft && <p className={styles.draft}>Draft: not published</p>}
                      <p className="verdict-line">
                        <VerdictBadge verdict={country.verdict} />
                      </p>
                      <AlertList alerts={country.alerts} />
                      <p className={styles.lead}>{country.lead}</p>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
        <section aria-labelledby="country-by-country" className={styles.group}>
          <h2 id="country-by-country">Country by country</h2>
          {/* The table is the map's text equivalent: the same countries, verdicts and alerts. */}
          <MonthMap label={`CrisisWatch, ${month}`} items={view.countries} />
          <MonthTable view={view} />
        </section>
      </div>
      <MonthNav view={view} />
    </article>
  );
}
