import { addMonths, format, parseISO } from 'date-fns';
import type { CrisisWatchEntry } from './content';
import { ALERT_ENCODING, ALERT_LABELS, VERDICT_ENCODING, VERDICT_LABELS, type Encoding } from './content/verdicts';
import { formatMonth } from './format';

/**
 * A verdict or an alert where no page is around it (mail, share images): what it is about
 * ("Trends in February 2023"), its name, and its shape, text symbol and colour.
 */
export type VerdictLine = { heading: string; name: string; encoding: Encoding };

/** Verdicts look back at the month of the entry; alerts look ahead to the month after it. */
export function verdictLines(entry: Pick<CrisisWatchEntry, 'month' | 'verdict' | 'alerts'>): VerdictLine[] {
  return [
    { heading: `Trends in ${formatMonth(entry.month)}`, name: VERDICT_LABELS[entry.verdict], encoding: VERDICT_ENCODING[entry.verdict] },
    ...entry.alerts.map((alert) => ({ heading: `Outlook for ${formatMonth(monthAfter(entry.month))}`, name: ALERT_LABELS[alert], encoding: ALERT_ENCODING[alert] })),
  ];
}

/** `▬ Unchanged Situation`: the symbol survives a mail client that shows no image and plain text. */
export const symbolAndName = (line: VerdictLine) => `${line.encoding.symbol} ${line.name}`;

/** `Trends in February 2023: ▬ Unchanged Situation` */
export const verdictLineText = (line: VerdictLine) => `${line.heading}: ${symbolAndName(line)}`;

/** `2023-02` → `2023-03` */
function monthAfter(month: string): string {
  return format(addMonths(parseISO(`${month}-01`), 1), 'yyyy-MM');
}
