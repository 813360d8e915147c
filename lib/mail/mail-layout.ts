import { escapeHtml } from '../html-escape';
import type { Locale } from '../i18n/locales';

/**
 * The frame every message shares: the site's name on the brand colour, as the site's header
 * shows it, a preheader, then the message and its footer, in one centred table with inline
 * styles (what mail clients render: no stylesheet, image, script or web font).
 */
export const MAIL_STYLE = {
  brand: '#1d3557',
  serif: "font-family:Georgia,'Times New Roman',serif;color:#1a1a1a;",
  sans: 'font-family:Arial,Helvetica,sans-serif;',
  small: 'font-family:Arial,Helvetica,sans-serif;font-size:13px;color:#444444;line-height:1.5;',
  link: 'color:#0b4f8a;text-decoration:underline;',
} as const;

export type MailFrame = {
  title: string;
  /** The line a mail client shows after the subject in the inbox list; hidden in the message itself. */
  preheader: string;
  siteName: string;
  siteUrl: string;
  /** The message's own rows, already HTML. */
  body: string;
  /** The footer's HTML (why this came, the links to leave). */
  footer: string;
  /** The message's language, so a screen reader reads it with the right voice. */
  lang: Locale;
};

export function mailHtml(frame: MailFrame): string {
  const { serif, small, brand, sans } = MAIL_STYLE;
  return `<!DOCTYPE html>
<html lang="${frame.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(frame.title)}</title></head>
<body style="margin:0;padding:0;background:#f4f4f4;">
${preheaderHtml(frame.preheader)}
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f4f4;"><tr><td align="center" style="padding:16px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;width:100%;background:#ffffff;">
<tr><td style="background:${brand};padding:16px 24px;${sans}font-size:20px;font-weight:bold;line-height:1.3;"><a href="${escapeHtml(frame.siteUrl)}" style="color:#ffffff;text-decoration:none;">${escapeHtml(frame.siteName)}</a></td></tr>
<tr><td style="padding:20px 24px 0;${serif}">${frame.body}</td></tr>
<tr><td style="padding:16px 24px 24px;border-top:1px solid #dddddd;${small}">${frame.footer}</td></tr>
</table></td></tr></table>
</body></html>`;
}

/**
 * Hidden text first in the body: clients show it beside the subject. Padded with zero-width
 * joiners so a client that shows more than it does not run on into the site's name.
 */
function preheaderHtml(text: string): string {
  const padding = '&#8203;&zwnj;&nbsp;'.repeat(40);
  return `<div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;mso-hide:all;font-size:1px;line-height:1px;color:#f4f4f4;">${escapeHtml(text)}${padding}</div>`;
}

/** A link in the message's own text style. */
export function mailLink(href: string, text: string): string {
  return `<a href="${escapeHtml(href)}" style="${MAIL_STYLE.link}">${escapeHtml(text)}</a>`;
}
