import Link from 'next/link';
import { Fragment } from 'react';
import { emptyGroupsLine } from '@/lib/crisiswatch/empty-groups';
import type { MonthView } from '@/lib/crisiswatch/month-view';
import { formatMonth } from '@/lib/format';
import { MONTH_INDEX_PATH } from '@/lib/paths';
import { MonthMap } from '../maps/month-map';
import styles from './month.module.css';

/**
 * The latest month in brief, for the home page: its map, each group that holds countries with its
 * count and countries (the map's words), and the empty groups in one line.
 */
export function MonthBrief({ view }: { view: MonthView }) {
  const month = formatMonth(view.month);
  const nothing = emptyGroupsLine(view);
  return (
    <section aria-labelledby="latest-month" className={styles.brief}>
      <h2 id="latest-month">Latest CrisisWatch: {month}</h2>
      <MonthMap label={`CrisisWatch, ${month}`} items={view.countries} />
      <dl className={styles.briefGroups}>
        {view.groups
          .filter((group) => group.countries.length > 0)
          .map((group) => (
            <div key={group.id}>
              <dt>
                {group.heading}: {group.countries.length}
              </dt>
              <dd>
                {group.countries.map((country, index) => (
                  <Fragment key={country.slug}>
                    {index > 0 && ', '}
                    <Link href={country.href}>{country.name}</Link>
                  </Fragment>
                ))}
              </dd>
            </div>
          ))}
      </dl>
      {nothing && <p className={styles.none}>{nothing}</p>}
      <p className={styles.briefMore}>
        <Link href={MONTH_INDEX_PATH}>{month} across all countries: every verdict and lead</Link>
      </p>
    </section>
  );
}
