import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { getSettings } from '@/lib/config/settings';
import './globals.css';

const { SITE_URL, SITE_NAME } = getSettings();

export const metadata: Metadata = {
  metadataBase: new URL(SITE_URL),
  title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
  description: 'Where each conflict stands this month: country profiles, CrisisWatch verdicts and expert commentary.',
  openGraph: { siteName: SITE_NAME, locale: 'en_GB' },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#1d3557' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <SiteHeader siteName={SITE_NAME} />
        <main id="main" tabIndex={-1} className="wrap">
          {children}
        </main>
        <SiteFooter siteName={SITE_NAME} />
      </body>
    </html>
  );
}
