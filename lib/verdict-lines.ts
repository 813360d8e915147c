import type { CrisisWatchEntry } from './content';
import { ALERT_ENCODING, VERDICT_ENCODING, type Encoding } from './content/verdicts';
import { formatMonth, nextMonth } from './format';
import { DEFAULT_LOCALE, type Locale } from './i18n/locales';
import { messages } from './i18n/messages';

/**
 * A verdict or an alert where no page is around it (mail, share images): what it is about
 * ("Trends in February 2023"), its name, and its shape, text symbol and colour.
 */
export type VerdictLine = { heading: string; name: string; encoding: Encoding };

/**
 * Verdicts look back at the month of the entry; alerts look ahead to the month after it. English
 * unless told, so the share images, which pass no language yet, keep their words.
 */
export function verdictLines(entry: Pick<CrisisWatchEntry, 'month' | 'verdict' | 'alerts'>, locale: Locale = DEFAULT_LOCALE): VerdictLine[] {
  const t = messages(locale).verdicts;
  return [
    { heading: t.trendsIn(formatMonth(entry.month, locale)), name: t.labels[entry.verdict], encoding: VERDICT_ENCODING[entry.verdict] },
    ...entry.alerts.map((alert) => ({ heading: t.outlookFor(formatMonth(nextMonth(entry.month), locale)), name: t.alerts[alert], encoding: ALERT_ENCODING[alert] })),
  ];
}

/** `▬ Unchanged Situation`: the symbol survives a mail client that shows no image and plain text. */
export const symbolAndName = (line: VerdictLine) => `${line.encoding.symbol} ${line.name}`;

/** `Trends in February 2023: ▬ Unchanged Situation`, with the colon as `locale` writes it. */
export const verdictLineText = (line: VerdictLine, locale: Locale) => `${line.heading}${messages(locale).language.colon}${symbolAndName(line)}`;
