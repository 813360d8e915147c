import Link from '@/components/intent-link';
import type { MonthView } from '@/lib/crisiswatch/month-view';
import { formatMonth } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import { pathsFor } from '@/lib/paths';
import styles from './month.module.css';

/** The nearest months before and after that have entries (months with none are skipped). */
export function MonthNav({ view, locale }: { view: MonthView; locale: Locale }) {
  if (!view.previous && !view.next) return null;
  const words = messages(locale).month;
  const paths = pathsFor(locale);
  return (
    <nav className={styles.nav} aria-label={words.navigation}>
      <ul>
        {view.previous && (
          <li>
            <Link href={paths.month(view.previous)} rel="prev">
              <span aria-hidden="true">← </span>
              {words.previous(formatMonth(view.previous, locale))}
            </Link>
          </li>
        )}
        {view.next && (
          <li>
            <Link href={paths.month(view.next)} rel="next">
              {words.next(formatMonth(view.next, locale))}
              <span aria-hidden="true"> →</span>
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
