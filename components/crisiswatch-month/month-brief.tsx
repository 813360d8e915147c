import Link from 'next/link';
import { Fragment } from 'react';
import type { MonthView } from '@/lib/crisiswatch/month-view';
import { formatMonth } from '@/lib/format';
import { MONTH_INDEX_PATH } from '@/lib/paths';
import { MonthMap } from '../maps/month-map';
import styles from './month.module.css';

/** The latest month in brief, for the home page: its map, and each group with its count and countries (the map's words). */
export function MonthBrief({ view }: { view: MonthView }) {
  const month = formatMonth(view.month);
  return (
    <section aria-labelledby="latest-month" className={styles.brief}>
      <h2 id="latest-month">Latest CrisisWatch: {month}</h2>
      <MonthMap label={`CrisisWatch, ${month}`} items={view.countries} />
      <dl className={styles.briefGroups}>
        {view.groups.map((group) => (
          <div key={group.id}>
            <dt>
              {group.heading}: {group.countries.length}
            </dt>
            <dd>
              {group.countries.length === 0
                ? 'None this month'
                : group.countries.map((country, index) => (
                    <Fragment key={country.slug}>
                      {index > 0 && ', '}
                      <Link href={country.href}>{country.name}</Link>
                    </Fragment>
                  ))}
            </dd>
          </div>
        ))}
      </dl>
      <p className={styles.briefMore}>
        <Link href={MONTH_INDEX_PATH}>{month} across all countries: every verdict and lead</Link>
      </p>
    </section>
  );
}
