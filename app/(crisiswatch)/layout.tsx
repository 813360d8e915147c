import type { ReactNode } from 'react';
import { SiteFrame } from '@/components/site-frame';

export default function Layout({ children }: { children: ReactNode }) {
  return <SiteFrame current="crisiswatch">{children}</SiteFrame>;
}
