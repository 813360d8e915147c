import Link from 'next/link';
import { emptyGroupsLine } from '@/lib/crisiswatch/empty-groups';
import type { MonthGroup, MonthView } from '@/lib/crisiswatch/month-view';
import { formatMonth, nextMonth } from '@/lib/format';
import { MonthMap } from '../maps/month-map';
import { AlertList, outlookFor, VerdictBadge, VerdictsGuideLink } from '../verdict-badge';
import { MonthNav } from './month-nav';
import { MonthTable } from './month-table';
import styles from './month.module.css';

/**
 * One month across every country: what happened first (the groups that hold countries, alerts
 * then verdicts as CrisisWatch orders them), the empty groups in one line, then the map and the
 * same facts as a table, then the way to the months before and after.
 */
export function MonthAcrossCountries({ view }: { view: MonthView }) {
  const month = formatMonth(view.month);
  const count = view.countries.length;
  const populated = view.groups.filter((group) => group.countries.length > 0);
  const nothing = emptyGroupsLine(view);
  return (
    <article className="wide">
      <h1>CrisisWatch: {month}</h1>
      <p className={styles.summary}>
        {count} {count === 1 ? 'country' : 'countries'}: how each situation changed in {month}, and what to watch for in{' '}
        {formatMonth(nextMonth(view.month))}. A country with an alert is listed under the alert and again under its verdict.{' '}
        <VerdictsGuideLink />
      </p>
      {/* Groups beside the map and table on a wide screen; in this order when read or tabbed through. */}
      <div className={styles.monthColumns}>
        <div>
          {populated.map((group) => (
            <MonthGroupSection key={group.id} group={group} month={view.month} />
          ))}
          {nothing && <p className={styles.none}>{nothing}</p>}
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

function MonthGroupSection({ group, month }: { group: MonthGroup; month: string }) {
  const isAlert = group.id === 'conflict-risk-alert' || group.id === 'resolution-opportunity';
  const label = formatMonth(month);
  return (
    <section aria-labelledby={`group-${group.id}`} className={styles.group}>
      <h2 id={`group-${group.id}`}>{group.heading}</h2>
      <p className={styles.groupWhen}>{isAlert ? outlookFor(month) : `Trends in ${label}`}</p>
      <ul className={styles.countries}>
        {group.countries.map((country) => (
          <li key={country.slug}>
            <h3 className={styles.countryName}>
              {/* Named with the month: every group links the same countries, a screen reader's link list tells them apart. */}
              <Link href={country.href} aria-label={`${country.name}, ${label}`}>
                {country.name}
              </Link>
            </h3>
            {country.draft && <p className={styles.draft}>Draft: not published</p>}
            <div className="verdict-line">
              <VerdictBadge verdict={country.verdict} />
              <AlertList alerts={country.alerts} month={month} />
            </div>
            <p className={styles.lead}>{country.lead}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
