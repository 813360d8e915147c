import type { Metadata, Viewport } from 'next';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { HydrationMark } from '@/components/hydration-mark';
import { SiteFooter } from '@/components/site-footer';
import { getSettings } from '@/lib/config/settings';
import { isLocale, LOCALES } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import { serif } from '../fonts';
import '../globals.css';

const { SITE_URL, SITE_NAME } = getSettings();

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

/** One root layout per language: English at the unprefixed addresses (next.config.ts), French under /fr. */
export const generateStaticParams = () => LOCALES.map((locale) => ({ locale }));
// True so the archive's older months can be rendered on request (lib/content/prerender-window.ts):
// a parent's false would hold every route below it to its prerendered params. Only `en` and `fr`
// reach this segment (next.config.ts rewrites every other path under `en`), and any other 404s below.
export const dynamicParams = true;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  return {
    metadataBase: new URL(SITE_URL),
    title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
    description: messages(locale).site.description,
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#1d3557' };

/**
 * The document and what every page shares, in the page's language (`lang`, `dir`). The header
 * and the main region come from each route group's layout, which knows the page's section.
 */
export default async function RootLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const t = messages(locale);
  return (
    <html lang={locale} dir={t.language.dir} className={serif.variable}>
      <body>
        <HydrationMark />
        <a className="skip-link" href="#main">
          {t.frame.skipLink}
        </a>
        {children}
        <SiteFooter siteName={SITE_NAME} locale={locale} />
      </body>
    </html>
  );
}
