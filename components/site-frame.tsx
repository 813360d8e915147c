import type { ReactNode } from 'react';
import { getSettings } from '@/lib/config/settings';
import type { Locale } from '@/lib/i18n/locales';
import type { SiteSection } from '@/lib/site-sections';
import { SiteHeader } from './site-header';

/** Header and main region of a page; each route group's layout says which section it is. */
export function SiteFrame({ current, locale, children }: { current?: SiteSection; locale: Locale; children: ReactNode }) {
  return (
    <>
      <SiteHeader siteName={getSettings().SITE_NAME} current={current} locale={locale} />
      <main id="main" tabIndex={-1} className="wrap">
        {children}
      </main>
    </>
  );
}
