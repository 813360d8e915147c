import type { Country, CrisisWatchEntry } from '../content';
import { formatMonth } from '../format';
import { escapeHtml } from '../html-escape';
import type { Locale } from '../i18n/locales';
import { messages } from '../i18n/messages';
import { verdictPhrase } from '../i18n/verdict-phrase';
import { pathsFor } from '../paths';
import { MAIL_STYLE, mailHtml, mailLink } from './mail-layout';
import type { MailMessage } from './mail-transport';
import { symbolAndName, verdictLines, verdictLineText, type VerdictLine } from '../verdict-lines';

/** How many months of the country's verdict history the message lists. */
const HISTORY_MONTHS = 6;

export type UpdateInput = {
  siteUrl: string;
  siteName: string;
  from: string;
  to: string;
  country: Country;
  entry: CrisisWatchEntry;
  /** The token of this message's unsubscribe and preferences links (only its hash is stored). */
  manageToken: string;
  /** The subscriber's language: the message's words, and the pages its links open. */
  locale: Locale;
};

/** `Mali, February 2023: Unchanged Situation` */
export function updateSubject(country: Country, entry: CrisisWatchEntry, locale: Locale): string {
  return verdictPhrase(locale, messages(locale).month.countryInMonth(country.name, formatMonth(entry.month, locale)), entry.verdict, [], { title: true });
}

/**
 * The update mail for one entry: what the entry page says, from the same sanitised HTML, in the
 * frame every message shares (mail-layout.ts), and a text part that says the same, line for
 * line, for clients that show only text. The verdict and alerts are text symbols in their
 * colours; the preheader is the lead. List-Id names the country's list, so a reader's filters
 * and mail clients' unsubscribe buttons work per country.
 */
export function updateMessage(input: UpdateInput): MailMessage {
  const { country, entry, siteUrl, locale } = input;
  const paths = pathsFor(locale);
  const { mail, language } = messages(locale);
  const t = mail.update;
  const { colon } = language;
  const month = formatMonth(entry.month, locale);
  const entryUrl = `${siteUrl}${paths.entry(country.slug, entry.month)}`;
  const leave = `${siteUrl}${paths.unsubscribe(input.manageToken)}`;
  const preferences = `${siteUrl}${paths.preferences(input.manageToken)}`;
  const subject = updateSubject(country, entry, locale);
  const eyebrow = t.eyebrow(country.name);
  const title = t.title(country.name, month);
  const lines = verdictLines(entry, locale);
  const lineText = (line: VerdictLine) => verdictLineText(line, locale);
  // The months before this one too; a country's first month has no history to show.
  const history = recentMonths(country, entry, locale);
  const historyHeading = t.historyHeading(country.name, history.length);
  const readOn = t.readOn(country.name, month);
  const why = t.why(country.name, input.siteName);
  const choose = t.choose;
  const unsubscribeAll = t.unsubscribeAll;
  // An entry not translated into the subscriber's language (they asked for English texts, or the
  // translation left this build): the English text, said so in their language and marked as English.
  const textLang = entry.lang && entry.lang !== locale ? entry.lang : undefined;
  const otherLanguage = textLang ? messages(locale).entry.inEnglish : undefined;

  const text = [
    input.siteName,
    eyebrow,
    '',
    title,
    '',
    ...lines.map(lineText),
    '',
    ...(otherLanguage ? [`[${otherLanguage}]`, ''] : []),
    entry.lead,
    '',
    entry.text,
    '',
    `${readOn}${colon}${entryUrl}`,
    ...(history.length > 1 ? ['', `${historyHeading}${colon.trimEnd()}`, ...history.map((month) => [`${month.month}${colon}${symbolAndName(month.trends)}`, ...month.outlook.map(lineText)].join(' · '))] : []),
    '',
    '--',
    why,
    `${choose}${colon}${preferences}`,
    `${unsubscribeAll}${colon}${leave}`,
  ].join('\n');

  const { serif, small, sans } = MAIL_STYLE;
  const entryHtml = `<p style="margin:16px 0;font-size:17px;line-height:1.5;font-weight:bold;${serif}">${escapeHtml(entry.lead)}</p>
<div style="font-size:16px;line-height:1.6;${serif}">${absoluteLinks(entry.html, siteUrl)}</div>`;
  const body = `<p style="margin:0 0 4px;${small}">${escapeHtml(eyebrow)}</p>
<h1 style="margin:0 0 12px;font-size:24px;line-height:1.3;${serif}">${escapeHtml(title)}</h1>
${lines.map((line) => `<p style="margin:0 0 6px;${sans}font-size:15px;font-weight:bold;color:#1a1a1a;">${verdictLineHtml(line, locale)}</p>`).join('\n')}
${textLang ? `<div lang="${textLang}">\n<p lang="${locale}" style="margin:16px 0 0;${small}font-style:italic;">${escapeHtml(otherLanguage ?? '')}</p>\n${entryHtml}\n</div>` : entryHtml}
<p style="margin:16px 0 20px;font-size:16px;${serif}">${mailLink(entryUrl, readOn)}</p>
${
  history.length > 1
    ? `<p style="margin:0 0 4px;${small}font-weight:bold;">${escapeHtml(`${historyHeading}${colon.trimEnd()}`)}</p>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 20px;">
${history.map((month) => historyRowHtml(month, locale)).join('\n')}
</table>`
    : ''
}`;
  const footer = `${escapeHtml(why)}<br>
${mailLink(preferences, choose)} · ${mailLink(leave, unsubscribeAll)}`;

  return {
    from: input.from,
    to: input.to,
    subject,
    text,
    html: mailHtml({ title: subject, preheader: entry.lead, siteName: input.siteName, siteUrl, body, footer, lang: locale }),
    headers: {
      'List-Unsubscribe': `<${leave}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': `${country.name} CrisisWatch <${country.slug}.crisiswatch.${new URL(siteUrl).hostname}>`,
    },
    logLine: `update for ${country.slug} ${entry.month}`,
  };
}

/** Each of the last months up to this entry, newest first: its trends line, then its outlook lines. */
type HistoryMonth = { month: string; trends: VerdictLine; outlook: VerdictLine[] };

/** The last months up to this entry, newest first: each month's verdict, and its alerts for the month after. */
function recentMonths(country: Country, entry: CrisisWatchEntry, locale: Locale): HistoryMonth[] {
  return country.entries
    .filter((other) => other.month <= entry.month)
    .slice(0, HISTORY_MONTHS)
    .map((other) => {
      const [trends, ...outlook] = verdictLines(other, locale);
      return { month: formatMonth(other.month, locale), trends: trends!, outlook };
    });
}

/** A row: the month, then its verdict and any outlook, each on a line of its own (phones are narrow). */
function historyRowHtml({ month, trends, outlook }: HistoryMonth, locale: Locale): string {
  const { small } = MAIL_STYLE;
  const lines = [colouredSymbolAndName(trends), ...outlook.map((line) => verdictLineHtml(line, locale))].join('<br>');
  return `<tr><td style="padding:0 12px 6px 0;vertical-align:top;white-space:nowrap;${small}">${escapeHtml(month)}</td><td style="padding:0 0 6px;vertical-align:top;${small}">${lines}</td></tr>`;
}

/** `Trends in February 2023: ▬ Unchanged Situation`, the symbol and name in their colour. */
const verdictLineHtml = (line: VerdictLine, locale: Locale) => `${escapeHtml(`${line.heading}${messages(locale).language.colon}`)}${colouredSymbolAndName(line)}`;

/** `▬ Unchanged Situation` in its colour. */
const colouredSymbolAndName = (line: VerdictLine) => `<span style="color:${line.encoding.colour};white-space:nowrap;">${escapeHtml(symbolAndName(line))}</span>`;

/** Links in the entry that point into the site (`/burkina-faso`) must carry its address in a mail. */
function absoluteLinks(html: string, siteUrl: string): string {
  return html.replace(/(href|src)="\/(?!\/)/g, `$1="${siteUrl}/`);
}
