import type { Country, CrisisWatchEntry } from '../content';
import { toHistoryMark } from '../content/verdict-history';
import { ALERT_LABELS, VERDICT_LABELS } from '../content/verdicts';
import { formatMonth } from '../format';
import { escapeHtml } from '../html-escape';
import { entryPath, preferencesPath, unsubscribePath } from '../paths';
import type { MailMessage } from './mail-transport';

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
};

/** `Mali, February 2023: Unchanged Situation` */
export function updateSubject(country: Country, entry: CrisisWatchEntry): string {
  return `${country.name}, ${formatMonth(entry.month)}: ${VERDICT_LABELS[entry.verdict]}`;
}

/**
 * The update mail for one entry: what the entry page says, from the same sanitised HTML, in a
 * layout mail clients render (one table, inline styles, no images, no scripts, no web fonts), and
 * a text part for clients that show only text. List-Id names the country's list, so a reader's
 * filters and mail clients' unsubscribe buttons work per country.
 */
export function updateMessage(input: UpdateInput): MailMessage {
  const { country, entry, siteUrl } = input;
  const month = formatMonth(entry.month);
  const verdict = VERDICT_LABELS[entry.verdict];
  const alerts = entry.alerts.map((alert) => ALERT_LABELS[alert]);
  const entryUrl = `${siteUrl}${entryPath(country.slug, entry.month)}`;
  const leave = `${siteUrl}${unsubscribePath(input.manageToken)}`;
  const preferences = `${siteUrl}${preferencesPath(input.manageToken)}`;
  const history = historyLine(country, entry);
  const subject = updateSubject(country, entry);
  const verdictLine = [verdict, ...alerts].join(' · ');

  const text = [
    `${input.siteName}: CrisisWatch, ${country.name}, ${month}`,
    '',
    `Verdict: ${verdictLine}`,
    '',
    entry.lead,
    '',
    entry.text,
    '',
    `Read it on the site: ${entryUrl}`,
    '',
    history,
    '',
    '--',
    `You receive this because you follow ${country.name} on ${input.siteName}.`,
    `Choose the countries you follow: ${preferences}`,
    `Unsubscribe from all email: ${leave}`,
  ].join('\n');

  const font = "font-family:Georgia,'Times New Roman',serif;color:#1a1a1a;";
  const small = 'font-family:Arial,Helvetica,sans-serif;font-size:13px;color:#444444;line-height:1.5;';
  const link = 'color:#0b4f8a;text-decoration:underline;';
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f4f4;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f4f4;"><tr><td align="center" style="padding:16px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;width:100%;background:#ffffff;">
<tr><td style="padding:20px 24px 8px;${small}">${escapeHtml(input.siteName)} · CrisisWatch</td></tr>
<tr><td style="padding:0 24px;${font}"><h1 style="margin:0 0 8px;font-size:24px;line-height:1.3;${font}">${escapeHtml(country.name)}, ${escapeHtml(month)}</h1>
<p style="margin:0 0 16px;font-family:Arial,Helvetica,sans-serif;font-size:15px;font-weight:bold;">Verdict: ${escapeHtml(verdictLine)}</p>
<p style="margin:0 0 16px;font-size:17px;line-height:1.5;font-weight:bold;${font}">${escapeHtml(entry.lead)}</p>
<div style="font-size:16px;line-height:1.6;${font}">${absoluteLinks(entry.html, siteUrl)}</div>
<p style="margin:16px 0;font-size:16px;${font}"><a href="${escapeHtml(entryUrl)}" style="${link}">Read the ${escapeHtml(month)} entry for ${escapeHtml(country.name)} on the site</a></p>
<p style="margin:0 0 20px;${small}">${escapeHtml(history)}</p></td></tr>
<tr><td style="padding:16px 24px 24px;border-top:1px solid #dddddd;${small}">You receive this because you follow ${escapeHtml(country.name)} on ${escapeHtml(input.siteName)}.<br>
<a href="${escapeHtml(preferences)}" style="${link}">Choose the countries you follow</a> · <a href="${escapeHtml(leave)}" style="${link}">Unsubscribe from all email</a></td></tr>
</table></td></tr></table>
</body></html>`;

  return {
    from: input.from,
    to: input.to,
    subject,
    text,
    html,
    headers: {
      'List-Unsubscribe': `<${leave}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': `${country.name} CrisisWatch <${country.slug}.crisiswatch.${new URL(siteUrl).hostname}>`,
    },
    logLine: `update for ${country.slug} ${entry.month}`,
  };
}

/** `Mali, recent months: February 2023: unchanged situation; January 2023: …` in words, newest first. */
function historyLine(country: Country, entry: CrisisWatchEntry): string {
  const recent = country.entries.filter((other) => other.month <= entry.month).slice(0, HISTORY_MONTHS);
  return `${country.name}, recent months: ${recent.map((other) => toHistoryMark(country.slug, other).accessibleName).join('; ')}.`;
}

/** Links in the entry that point into the site (`/burkina-faso`) must carry its address in a mail. */
function absoluteLinks(html: string, siteUrl: string): string {
  return html.replace(/(href|src)="\/(?!\/)/g, `$1="${siteUrl}/`);
}
