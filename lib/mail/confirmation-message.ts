import type { MailMessage } from './mail-transport';
import { escapeHtml } from '../html-escape';
import { confirmPath, unsubscribePath } from '../paths';

type ConfirmationInput = { siteUrl: string; siteName: string; from: string; to: string; confirmToken: string; unsubscribeToken: string; expiresInHours: number };


/**
 * The double opt-in message. Every message carries List-Unsubscribe with an HTTPS link and
 * List-Unsubscribe-Post (RFC 8058), so mail clients can offer one-click unsubscribe.
 */
export function confirmationMessage(input: ConfirmationInput): MailMessage {
  const confirm = `${input.siteUrl}${confirmPath(input.confirmToken)}`;
  const leave = `${input.siteUrl}${unsubscribePath(input.unsubscribeToken)}`;
  const hours = input.expiresInHours;
  const text = [
    `Someone, probably you, asked to receive ${input.siteName} email updates at this address.`,
    '',
    `To confirm, open this link within ${hours} hours and press the button on the page:`,
    confirm,
    '',
    'If it was not you, ignore this message: nothing will be sent unless the address is confirmed.',
    `To stop any further mail: ${leave}`,
  ].join('\n');
  const html = `<p>Someone, probably you, asked to receive ${escapeHtml(input.siteName)} email updates at this address.</p>
<p><a href="${escapeHtml(confirm)}">Confirm your subscription</a> within ${hours} hours.</p>
<p>If it was not you, ignore this message: nothing will be sent unless the address is confirmed.</p>
<p><a href="${escapeHtml(leave)}">Unsubscribe</a></p>`;
  return {
    from: input.from,
    to: input.to,
    subject: `Confirm your subscription to ${input.siteName}`,
    text,
    html,
    headers: { 'List-Unsubscribe': `<${leave}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    logLine: `confirm at ${confirm}`,
  };
}
