import { ALERT_LABELS, VERDICT_LABELS } from '@/lib/content/verdicts';
import type { Alert, Verdict } from '@/lib/content/schemas';

/** The verdict in words; the shape beside it is decoration for sighted readers, never the message. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return (
    <span className={`verdict verdict-${verdict}`}>
      <VerdictIcon verdict={verdict} />
      <span>{VERDICT_LABELS[verdict]}</span>
    </span>
  );
}

export function AlertList({ alerts }: { alerts: readonly Alert[] }) {
  if (alerts.length === 0) return null;
  return (
    <ul className="alerts" aria-label="Alerts">
      {alerts.map((alert) => (
        <li key={alert} className={`alert alert-${alert}`}>
          <span aria-hidden="true">{alert === 'conflict-risk-alert' ? '⚠ ' : '✦ '}</span>
          {ALERT_LABELS[alert]}
        </li>
      ))}
    </ul>
  );
}

function VerdictIcon({ verdict }: { verdict: Verdict }) {
  return (
    <svg className="verdict-icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      {verdict === 'deteriorated' && <path d="M10 17 2 4h16z" />}
      {verdict === 'improved' && <path d="M10 3l8 13H2z" />}
      {verdict === 'unchanged' && <rect x="3" y="7" width="14" height="6" rx="1" />}
    </svg>
  );
}
