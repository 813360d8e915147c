import Link from 'next/link';
import type { Metadata } from 'next';
import { SiteFrame } from '@/components/site-frame';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } };

/** Shown inside the root layout only, so it brings the header and main region itself. */
export default function NotFound() {
  return (
    <SiteFrame>
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have moved, or the address may be mistyped.</p>
      <p>
        <Link href="/countries">See every country we follow</Link> or <Link href="/search">search the briefings</Link>.
      </p>
    </SiteFrame>
  );
}
