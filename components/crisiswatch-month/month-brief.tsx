import Link from '@/components/intent-link';
import { Fragment } from 'react';
import { emptyGroupsLine } from '@/lib/crisiswatch/empty-groups';
import type { MonthView } from '@/lib/crisiswatch/month-view';
import { formatMonth } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import { pathsFor } from '@/lib/paths';
import { MonthMap } from '../maps/month-map';
import styles from './month.module.css';

/**
 * The latest month in brief, for the home page: its map, each group that holds countries with its
 * count and countries (the map's words), and the empty groups in one line.
 */
export function MonthBrief({ view, locale }: { view: MonthView; locale: Locale }) {
  const words = messages(locale);
  const month = formatMonth(view.month, locale);
  const nothing = emptyGroupsLine(view, locale);
  return (
    <section aria-labelledby="latest-month" className={styles.brief}>
      <h2 id="latest-month">{words.home.latest(month)}</h2>
      <MonthMap label={words.month.mapLabel(month)} items={view.countries} locale={locale} />
      <dl className={styles.briefGroups}>
        {view.groups
          .filter((group) => group.countries.length > 0)
          .map((group) => (
            <div key={group.id}>
              <dt>
                {words.month.groups[group.id]}
                {words.language.colon}
                {group.countries.length}
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
        <Link href={pathsFor(locale).months}>{words.home.acrossAll(month)}</Link>
      </p>
    </section>
  );
}
