import { ALERT_LABELS, VERDICT_LABELS } from '@/lib/content/verdicts';
import type { Alert, Verdict } from '@/lib/content/schemas';
import { ShapeIcon, VerdictShape } from './verdict-shapes';

/** The verdict in words; the shape beside it is decoration for sighted readers, never the message. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return (
    <span className={`verdict verdict-${verdict}`}>
      <ShapeIcon>
        <VerdictShape verdict={verdict} />
      </ShapeIcon>
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
