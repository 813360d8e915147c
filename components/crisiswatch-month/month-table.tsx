import Link from '@/components/intent-link';
import type { MonthView } from '@/lib/crisiswatch/month-view';
import { AlertWords, VerdictBadge } from '../verdict-badge';
import { formatMonth } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import styles from './month.module.css';

/** The month's facts as a table, a row a country, each named with a link to its entry: the text equivalent of the month's map. */
export function MonthTable({ view, locale }: { view: MonthView; locale: Locale }) {
  const words = messages(locale);
  const columns = words.month.columns;
  return (
    <div className={styles.tableScroll}>
      <table className={styles.table}>
        <caption>{words.month.tableCaption(formatMonth(view.month, locale))}</caption>
        <thead>
          <tr>
            <th scope="col">{columns.country}</th>
            <th scope="col">{columns.verdict}</th>
            <th scope="col">{columns.alerts}</th>
          </tr>
        </thead>
        <tbody>
          {view.countries.map((country) => (
            <tr key={country.slug}>
              <th scope="row">
                {/* The name leads to the country's entry for the month. */}
                <Link href={country.href}>{country.name}</Link>
              </th>
              <td>
                <VerdictBadge verdict={country.verdict} locale={locale} />
              </td>
              <td>{country.alerts.length > 0 ? <AlertWords alerts={country.alerts} locale={locale} /> : words.verdicts.none}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
