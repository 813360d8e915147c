import { escapeHtml } from '../html-escape';
import { confirmPath, preferencesPath, unsubscribePath } from '../paths';
import { crisisWatchEntriesFor } from '../subscriptions/followed-countries';
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
  /** The names of every country the address will follow once confirmed. */
  countries: readonly string[];
};

/**
 * The double opt-in message: what the address will receive (every country it will follow once
 * confirmed) and the link to confirm, in the frame every message shares. Every message carries
 * List-Unsubscribe with an HTTPS link and List-Unsubscribe-Post (RFC 8058), so mail clients can
 * offer one-click unsubscribe.
 */
export function confirmationMessage(input: ConfirmationInput): MailMessage {
  const confirm = `${input.siteUrl}${confirmPath(input.confirmToken)}`;
  const leave = `${input.siteUrl}${unsubscribePath(input.unsubscribeToken)}`;
  const choose = `${input.siteUrl}${preferencesPath(input.unsubscribeToken)}`;
  const heading = 'Confirm your subscription';
  const asked =
    input.countries.length > 0
      ? `Someone, probably you, asked to receive ${crisisWatchEntriesFor(input.countries)} by email at this address, once a month, the day it is published on ${input.siteName}.`
      : // An address signed up before the Subscribe page offered countries follows none yet.
        `Someone, probably you, asked to receive email from ${input.siteName} at this address, without choosing a country.`;
  const openWithin = `Open the link within ${input.expiresInHours} hours and press the button on the page it opens.`;
  const noCountryYet = 'Once it is confirmed, choose the countries to follow';
  const notYou = 'If it was not you, ignore this message: nothing will be sent unless the address is confirmed.';
  const preheader = input.countries.length > 0 ? `Confirm your address to receive ${crisisWatchEntriesFor(input.countries)}.` : 'Confirm your address.';

  const text = [
    input.siteName,
    '',
    heading,
    '',
    asked,
    '',
    `${heading}: ${confirm}`,
    openWithin,
    ...(input.countries.length > 0 ? [] : ['', `${noCountryYet}: ${choose}`]),
    '',
    notYou,
    '',
    '--',
    `Unsubscribe: ${leave}`,
  ].join('\n');

  const { serif, sans, brand } = MAIL_STYLE;
  const paragraph = (html: string) => `<p style="margin:0 0 16px;font-size:16px;line-height:1.6;${serif}">${html}</p>`;
  const body = `<h1 style="margin:0 0 12px;font-size:24px;line-height:1.3;${serif}">${heading}</h1>
${paragraph(escapeHtml(asked))}
<p style="margin:0 0 8px;"><a href="${escapeHtml(confirm)}" style="display:inline-block;padding:12px 20px;background:${brand};color:#ffffff;${sans}font-size:16px;font-weight:bold;text-decoration:none;border-radius:6px;">${heading}</a></p>
${paragraph(escapeHtml(openWithin))}
${input.countries.length > 0 ? '' : paragraph(`${mailLink(choose, noCountryYet)}.`)}
${paragraph(escapeHtml(notYou))}`;

  return {
    from: input.from,
    to: input.to,
    subject: `Confirm your subscription to ${input.siteName}`,
    text,
    html: mailHtml({ title: heading, preheader, siteName: input.siteName, siteUrl: input.siteUrl, body, footer: mailLink(leave, 'Unsubscribe') }),
    headers: { 'List-Unsubscribe': `<${leave}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    logLine: `confirm at ${confirm}`,
  };
}
