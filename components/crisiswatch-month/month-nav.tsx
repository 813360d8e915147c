import Link from 'next/link';
import type { MonthView } from '@/lib/crisiswatch/month-view';
import { formatMonth } from '@/lib/format';
import { monthPath } from '@/lib/paths';
import styles from './month.module.css';

/** The nearest months before and after that have entries (months with none are skipped). */
export function MonthNav({ view }: { view: MonthView }) {
  if (!view.previous && !view.next) return null;
  return (
    <nav className={styles.nav} aria-label="CrisisWatch months across countries">
      <ul>
        {view.previous && (
          <li>
            <Link href={monthPath(view.previous)} rel="prev">
              <span aria-hidden="true">← </span>Previous month: {formatMonth(view.previous)}
            </Link>
          </li>
        )}
        {view.next && (
          <li>
            <Link href={monthPath(view.next)} rel="next">
              Next month: {formatMonth(view.next)}
              <span aria-hidden="true"> →</span>
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
