import type { Alert, Verdict } from '../content/schemas';
import type { Locale } from './locales';
import { messages } from './messages';

/**
 * "Mali: deteriorated situation, conflict risk alert" or, in a title, "Mali, February 2023:
 * Deteriorated Situation, Conflict Risk Alert": one phrase for a subject's verdict and alerts,
 * used by the timeline's marks, the month map's countries, feed titles and the mail.
 */
export function verdictPhrase(locale: Locale, subject: string, verdict: Verdict, alerts: readonly Alert[], { title = false } = {}): string {
  const { verdicts: t, language } = messages(locale);
  const words = [t.labels[verdict], ...alerts.map((alert) => t.alerts[alert])];
  const said = title ? words : words.map((word) => word.toLocaleLowerCase(locale));
  return `${subject}${language.colon}${said.join(', ')}`;
}
