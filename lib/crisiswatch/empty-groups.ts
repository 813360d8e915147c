import { ALERTS, VERDICTS, type Alert, type Verdict } from '../content/schemas';
import { formatMonth, nextMonth } from '../format';
import type { Locale } from '../i18n/locales';
import { messages } from '../i18n/messages';
import type { MonthView } from './month-view';

/**
 * The month's empty groups said once, after the groups that hold countries: "No conflict risk
 * alert or resolution opportunity for March 2023. No situation deteriorated or improved in
 * February 2023." Undefined when every group holds a country.
 */
export function emptyGroupsLine(view: MonthView, locale: Locale): string | undefined {
  const empty = new Set(view.groups.filter((group) => group.countries.length === 0).map((group) => group.id));
  const alerts = ALERTS.filter((alert: Alert) => empty.has(alert));
  const verdicts = VERDICTS.filter((verdict: Verdict) => empty.has(verdict));
  if (alerts.length === 0 && verdicts.length === 0) return undefined;
  return messages(locale).month.emptyGroups(alerts, verdicts, formatMonth(view.month, locale), formatMonth(nextMonth(view.month), locale));
}
