import type { Metadata } from 'next';
import { NotFoundText } from '@/components/not-found-text';
import { HydrationMark } from '@/components/hydration-mark';
import { SiteFooter } from '@/components/site-footer';
import { SiteFrame } from '@/components/site-frame';
import { getSettings } from '@/lib/config/settings';
import { DEFAULT_LOCALE, LOCALES } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import { serif } from './fonts';
import './globals.css';

export const metadata: Metadata = { title: `${messages('en').notFound.title} · ${messages('fr').notFound.title}`, robots: { index: false } };

/**
 * Any address no page answers, in every language at once: an unmatched address carries no
 * language a layout could use, and this page is prerendered, so it reads whole without JavaScript.
 */
export default function GlobalNotFound() {
  return (
    <html lang={DEFAULT_LOCALE} className={serif.variable}>
      <body>
        <HydrationMark />
        <a className="skip-link" href="#main">
          {messages(DEFAULT_LOCALE).frame.skipLink}
        </a>
        <SiteFrame locale={DEFAULT_LOCALE}>
          {LOCALES.map((locale) => (
            <section key={locale} lang={locale}>
              <NotFoundText locale={locale} />
            </section>
          ))}
        </SiteFrame>
        <SiteFooter siteName={getSettings().SITE_NAME} locale={DEFAULT_LOCALE} />
      </body>
    </html>
  );
}
