import Link from '@/components/intent-link';
import { emptyGroupsLine } from '@/lib/crisiswatch/empty-groups';
import type { MonthGroup, MonthView } from '@/lib/crisiswatch/month-view';
import { formatMonth, nextMonth } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import { MonthMap } from '../maps/month-map';
import { TextLanguage } from '../text-language';
import { AlertList, outlookFor, VerdictBadge, VerdictsGuideLink } from '../verdict-badge';
import { MonthNav } from './month-nav';
import { MonthTable } from './month-table';
import styles from './month.module.css';

/**
 * One month across every country: what happened first (the groups that hold countries, alerts
 * then verdicts as CrisisWatch orders them), the empty groups in one line, then the map and the
 * same facts as a table, then the way to the months before and after.
 */
export function MonthAcrossCountries({ view, locale }: { view: MonthView; locale: Locale }) {
  const words = messages(locale).month;
  const month = formatMonth(view.month, locale);
  const populated = view.groups.filter((group) => group.countries.length > 0);
  const nothing = emptyGroupsLine(view, locale);
  return (
    <article className="wide">
      <h1>{words.heading(month)}</h1>
      <p className={styles.summary}>
        {words.summary(view.countries.length, month, formatMonth(nextMonth(view.month), locale))} <VerdictsGuideLink locale={locale} />
      </p>
      {/* Groups beside the map and table on a wide screen; in this order when read or tabbed through. */}
      <div className={styles.monthColumns}>
        <div>
          {populated.map((group) => (
            <MonthGroupSection key={group.id} group={group} month={view.month} locale={locale} />
          ))}
          {nothing && <p className={styles.none}>{nothing}</p>}
        </div>
        <section aria-labelledby="country-by-country" className={styles.group}>
          <h2 id="country-by-country">{words.countryByCountry}</h2>
          {/* The table is the map's text equivalent: the same countries, verdicts and alerts. */}
          <MonthMap label={words.mapLabel(month)} items={view.countries} locale={locale} />
          <MonthTable view={view} locale={locale} />
        </section>
      </div>
      <MonthNav view={view} locale={locale} />
    </article>
  );
}

function MonthGroupSection({ group, month, locale }: { group: MonthGroup; month: string; locale: Locale }) {
  const words = messages(locale);
  const isAlert = group.id === 'conflict-risk-alert' || group.id === 'resolution-opportunity';
  const label = formatMonth(month, locale);
  return (
    <section aria-labelledby={`group-${group.id}`} className={styles.group}>
      <h2 id={`group-${group.id}`}>{words.month.groups[group.id]}</h2>
      <p className={styles.groupWhen}>{isAlert ? outlookFor(month, locale) : words.verdicts.trendsIn(label)}</p>
      <ul className={styles.countries}>
        {group.countries.map((country) => (
          <li key={country.slug}>
            <h3 className={styles.countryName}>
              {/* Named with the month: every group links the same countries, a screen reader's link list tells them apart. */}
              <Link href={country.href} aria-label={words.month.countryInMonth(country.name, label)}>
                {country.name}
              </Link>
            </h3>
            {country.draft && <p className={styles.draft}>{words.month.draft}</p>}
            <div className="verdict-line">
              <VerdictBadge verdict={country.verdict} locale={locale} />
              <AlertList alerts={country.alerts} month={month} locale={locale} />
            </div>
            <TextLanguage text={country} locale={locale}>
              <p className={styles.lead}>{country.lead}</p>
            </TextLanguage>
          </li>
        ))}
      </ul>
    </section>
  );
}
