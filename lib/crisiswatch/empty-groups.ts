import { formatMonth, nextMonth } from '../format';
import type { MonthGroupId, MonthView } from './month-view';

/** What an empty group means, as the end of "No …": alerts look ahead, verdicts look back. */
const ALERT_WORDS: Partial<Record<MonthGroupId, string>> = {
  'conflict-risk-alert': 'conflict risk alert',
  'resolution-opportunity': 'resolution opportunity',
};
const VERDICT_WORDS: Partial<Record<MonthGroupId, string>> = {
  deteriorated: 'deteriorated',
  improved: 'improved',
  unchanged: 'remained unchanged',
};

const or = new Intl.ListFormat('en', { type: 'disjunction' });

/**
 * The month's empty groups said once, after the groups that hold countries: "No conflict risk
 * alert or resolution opportunity for March 2023. No situation deteriorated or improved in
 * February 2023." Undefined when every group holds a country.
 */
export function emptyGroupsLine(view: MonthView): string | undefined {
  const empty = view.groups.filter((group) => group.countries.length === 0).map((group) => group.id);
  const alerts = empty.flatMap((id) => ALERT_WORDS[id] ?? []);
  const verdicts = empty.flatMap((id) => VERDICT_WORDS[id] ?? []);
  const sentences = [
    alerts.length > 0 ? `No ${or.format(alerts)} for ${formatMonth(nextMonth(view.month))}.` : undefined,
    verdicts.length > 0 ? `No situation ${or.format(verdicts)} in ${formatMonth(view.month)}.` : undefined,
  ].filter((sentence) => sentence !== undefined);
  return sentences.length > 0 ? sentences.join(' ') : undefined;
}
