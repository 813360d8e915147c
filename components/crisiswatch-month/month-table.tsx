import Link from 'next/link';
import type { MonthView } from '@/lib/crisiswatch/month-view';
import { AlertWords, VerdictBadge } from '../verdict-badge';
import { formatMonth } from '@/lib/format';
import styles from './month.module.css';

/** The month's facts as a table, a row a country, each named with a link to its entry: the text equivalent of the month's map. */
export function MonthTable({ view }: { view: MonthView }) {
  const month = formatMonth(view.month);
  return (
    <div className={styles.tableScroll}>
      <table className={styles.table}>
        <caption>CrisisWatch {month}: each country’s verdict and alerts</caption>
        <thead>
          <tr>
            <th scope="col">Country</th>
            <th scope="col">Verdict</th>
            <th scope="col">Alerts</th>
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
                <VerdictBadge verdict={country.verdict} />
              </td>
              <td>{country.alerts.length > 0 ? <AlertWords alerts={country.alerts} /> : 'None'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
