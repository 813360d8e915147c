import { escapeHtml } from '../html-escape';
import type { Locale } from '../i18n/locales';
import { formatList, messages } from '../i18n/messages';
import { pathsFor } from '../paths';
import { MAIL_STYLE, mailHtml, mailLink } from './mail-layout';
import type { MailMessage } from './mail-transport';

type ConfirmationInput = {
  siteUrl: string;
  siteName: string;
  from: string;
  to: string;
  confirmToken: string;
  unsubscribeToken: string;
  expiresInHours: number;
  /** The names of every country the address will follow once confirmed, in `locale`. */
  countries: readonly string[];
  /** The subscriber's language: the message's words, and the pages its links open. */
  locale: Locale;
};

/**
 * The double opt-in message: what the address will receive (every country it will follow once
 * confirmed) and the link to confirm, in the frame every message shares. Every message carries
 * List-Unsubscribe with an HTTPS link and List-Unsubscribe-Post (RFC 8058), so mail clients can
 * offer one-click unsubscribe.
 */
export function confirmationMessage(input: ConfirmationInput): MailMessage {
  const { locale, siteName } = input;
  const paths = pathsFor(locale);
  const { mail, subscribe, language } = messages(locale);
  const t = mail.confirmation;
  const confirm = `${input.siteUrl}${paths.confirm(input.confirmToken)}`;
  const leave = `${input.siteUrl}${paths.unsubscribe(input.unsubscribeToken)}`;
  const choose = `${input.siteUrl}${paths.preferences(input.unsubscribeToken)}`;
  const followsSome = input.countries.length > 0;
  const what = subscribe.entriesFor(formatList(locale, input.countries), input.countries.length);
  const heading = t.heading;
  const asked = followsSome ? t.asked(what, siteName) : t.askedNothing(siteName);
  const openWithin = t.openWithin(input.expiresInHours);
  const preheader = followsSome ? t.preheader(what) : t.preheaderNothing;
  const { colon } = language;

  const text = [
    siteName,
    '',
    heading,
    '',
    asked,
    '',
    `${heading}${colon}${confirm}`,
    openWithin,
    ...(followsSome ? [] : ['', `${t.chooseCountries}${colon}${choose}`]),
    '',
    t.notYou,
    '',
    '--',
    `${mail.unsubscribe}${colon}${leave}`,
  ].join('\n');

  const { serif, sans, brand } = MAIL_STYLE;
  const paragraph = (html: string) => `<p style="margin:0 0 16px;font-size:16px;line-height:1.6;${serif}">${html}</p>`;
  const body = `<h1 style="margin:0 0 12px;font-size:24px;line-height:1.3;${serif}">${escapeHtml(heading)}</h1>
${paragraph(escapeHtml(asked))}
<p style="margin:0 0 8px;"><a href="${escapeHtml(confirm)}" style="display:inline-block;padding:12px 20px;background:${brand};color:#ffffff;${sans}font-size:16px;font-weight:bold;text-decoration:none;border-radius:6px;">${escapeHtml(heading)}</a></p>
${paragraph(escapeHtml(openWithin))}
${followsSome ? '' : paragraph(`${mailLink(choose, t.chooseCountries)}.`)}
${paragraph(escapeHtml(t.notYou))}`;

  return {
    from: input.from,
    to: input.to,
    subject: t.subject(siteName),
    text,
    html: mailHtml({ title: heading, preheader, siteName, lang: locale, siteUrl: input.siteUrl, body, footer: mailLink(leave, mail.unsubscribe) }),
    headers: { 'List-Unsubscribe': `<${leave}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    logLine: `confirm at ${confirm}`,
  };
}
