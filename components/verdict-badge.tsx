import Link from '@/components/intent-link';
import type { Alert, Verdict } from '@/lib/content/schemas';
import { formatMonth, nextMonth } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import { pathsFor } from '@/lib/paths';
import styles from './verdict-badge.module.css';
import { AlertShape, ShapeIcon, VerdictShape } from './verdict-shapes';

/** The verdict in words; the shape beside it is decoration for sighted readers, never the message. */
export function VerdictBadge({ verdict, locale }: { verdict: Verdict; locale: Locale }) {
  return (
    <span className={styles.verdict} data-verdict={verdict}>
      <ShapeIcon>
        <VerdictShape verdict={verdict} />
      </ShapeIcon>
      <span>{messages(locale).verdicts.labels[verdict]}</span>
    </span>
  );
}

/**
 * An entry's alerts as pills, the same component on every page. Its styles are its own (a CSS
 * module), so the list it sits in (a month's countries, the archive) cannot reshape it. Alerts
 * look ahead: the list is named for the month after the entry's.
 */
export function AlertList({ alerts, month, locale }: { alerts: readonly Alert[]; month: string; locale: Locale }) {
  if (alerts.length === 0) return null;
  return (
    <ul className={styles.alerts} aria-label={outlookFor(month, locale)}>
      {alerts.map((alert) => (
        <li key={alert} className={styles.pill} data-alert={alert}>
          <ShapeIcon>
            <AlertShape alert={alert} centred />
          </ShapeIcon>
          {messages(locale).verdicts.alerts[alert]}
        </li>
      ))}
    </ul>
  );
}

/** Alerts in running text (a table cell): each with its shape, separated by commas. */
export function AlertWords({ alerts, locale }: { alerts: readonly Alert[]; locale: Locale }) {
  return alerts.map((alert, index) => (
    <span key={alert} className={styles.alertWords} data-alert={alert}>
      {index > 0 && ', '}
      <ShapeIcon>
        <AlertShape alert={alert} centred />
      </ShapeIcon>
      {messages(locale).verdicts.alerts[alert]}
    </span>
  ));
}

/**
 * What CrisisWatch says of a country in a month, as it says it: verdicts look back ("Trends in
 * February 2023"), alerts look ahead ("Outlook for March 2023"), with a way to what each means.
 */
export function VerdictSummary({ month, verdict, alerts, locale }: { month: string; verdict: Verdict; alerts: readonly Alert[]; locale: Locale }) {
  return (
    <div className={styles.summary}>
      <dl>
        <div>
          <dt>{messages(locale).verdicts.trendsIn(formatMonth(month, locale))}</dt>
          <dd>
            <VerdictBadge verdict={verdict} locale={locale} />
          </dd>
        </div>
        {alerts.length > 0 && (
          <div>
            <dt>{outlookFor(month, locale)}</dt>
            <dd>
              <AlertList alerts={alerts} month={month} locale={locale} />
            </dd>
          </div>
        )}
      </dl>
      <VerdictsGuideLink locale={locale} />
    </div>
  );
}

/** The way from any key or badge group to what verdicts and alerts mean. */
export function VerdictsGuideLink({ locale }: { locale: Locale }) {
  return (
    <Link className={styles.guide} href={pathsFor(locale).verdictsGuide}>
      {messages(locale).verdicts.guideLink}
    </Link>
  );
}

/** "Outlook for March 2023": an entry's alerts are about the month after it. */
export const outlookFor = (month: string, locale: Locale) => messages(locale).verdicts.outlookFor(formatMonth(nextMonth(month), locale));
