import type { ReactNode } from 'react';
import { getSettings } from '@/lib/config/settings';
import type { SiteSection } from '@/lib/site-sections';
import { SiteHeader } from './site-header';

/** Header and main region of a page; each route group's layout says which section it is. */
export function SiteFrame({ current, children }: { current?: SiteSection; children: ReactNode }) {
  return (
    <>
      <SiteHeader siteName={getSettings().SITE_NAME} current={current} />
      <main id="main" tabIndex={-1} className="wrap">
        {children}
      </main>
    </>
  );
}
