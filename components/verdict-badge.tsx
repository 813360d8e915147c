import Link from 'next/link';
import type { Alert, Verdict } from '@/lib/content/schemas';
import { ALERT_LABELS, VERDICT_LABELS } from '@/lib/content/verdicts';
import { formatMonth, nextMonth } from '@/lib/format';
import { VERDICTS_GUIDE_PATH } from '@/lib/paths';
import styles from './verdict-badge.module.css';
import { AlertShape, ShapeIcon, VerdictShape } from './verdict-shapes';

/** The verdict in words; the shape beside it is decoration for sighted readers, never the message. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return (
    <span className={styles.verdict} data-verdict={verdict}>
      <ShapeIcon>
        <VerdictShape verdict={verdict} />
      </ShapeIcon>
      <span>{VERDICT_LABELS[verdict]}</span>
    </span>
  );
}

/**
 * An entry's alerts as pills, the same component on every page. Its styles are its own (a CSS
 * module), so the list it sits in (a month's countries, the archive) cannot reshape it. Alerts
 * look ahead: the list is named for the month after the entry's.
 */
export function AlertList({ alerts, month }: { alerts: readonly Alert[]; month: string }) {
  if (alerts.length === 0) return null;
  return (
    <ul className={styles.alerts} aria-label={outlookFor(month)}>
      {alerts.map((alert) => (
        <li key={alert} className={styles.pill} data-alert={alert}>
          <ShapeIcon>
            <AlertShape alert={alert} centred />
          </ShapeIcon>
          {ALERT_LABELS[alert]}
        </li>
      ))}
    </ul>
  );
}

/** Alerts in running text (a table cell): each with its shape, separated by commas. */
export function AlertWords({ alerts }: { alerts: readonly Alert[] }) {
  return alerts.map((alert, index) => (
    <span key={alert} className={styles.alertWords} data-alert={alert}>
      {index > 0 && ', '}
      <ShapeIcon>
        <AlertShape alert={alert} centred />
      </ShapeIcon>
      {ALERT_LABELS[alert]}
    </span>
  ));
}

/**
 * What CrisisWatch says of a country in a month, as it says it: verdicts look back ("Trends in
 * February 2023"), alerts look ahead ("Outlook for March 2023"), with a way to what each means.
 */
export function VerdictSummary({ month, verdict, alerts }: { month: string; verdict: Verdict; alerts: readonly Alert[] }) {
  return (
    <div className={styles.summary}>
      <dl>
        <div>
          <dt>Trends in {formatMonth(month)}</dt>
          <dd>
            <VerdictBadge verdict={verdict} />
          </dd>
        </div>
        {alerts.length > 0 && (
          <div>
            <dt>{outlookFor(month)}</dt>
            <dd>
              <AlertList alerts={alerts} month={month} />
            </dd>
          </div>
        )}
      </dl>
      <VerdictsGuideLink />
    </div>
  );
}

/** The way from any key or badge group to what verdicts and alerts mean. */
export function VerdictsGuideLink() {
  return (
    <Link className={styles.guide} href={VERDICTS_GUIDE_PATH}>
      What verdicts and alerts mean
    </Link>
  );
}

export const outlookFor = (month: string) => `Outlook for ${formatMonth(nextMonth(month))}`;
