import type { ReactNode } from 'react';
import { SiteFrame } from '@/components/site-frame';
import { localeOf } from '@/lib/i18n/locale-param';

export default async function Layout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  return (
    <SiteFrame current="countries" locale={localeOf(await params)}>
      {children}
    </SiteFrame>
  );
}
