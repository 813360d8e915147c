import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/site-footer';
import { getSettings } from '@/lib/config/settings';
import { UI } from '@/lib/ui-strings';
import { serif } from './fonts';
import './globals.css';

const { SITE_URL, SITE_NAME } = getSettings();

export const metadata: Metadata = {
  metadataBase: new URL(SITE_URL),
  title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
  description: 'Where each conflict stands this month: country profiles, CrisisWatch verdicts and expert commentary.',
  openGraph: { siteName: SITE_NAME, locale: 'en_GB' },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#1d3557' };

/**
 * The document and what every page shares. The header and the main region come from each route
 * group's layout (app/(countries)/, app/(crisiswatch)/, …), which knows the page's section.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className={serif.variable}>
      <body>
        <a className="skip-link" href="#main">
          {UI.skipLink}
        </a>
        {children}
        <SiteFooter siteName={SITE_NAME} />
      </body>
    </html>
  );
}
