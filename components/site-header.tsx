import Link from 'next/link';

export function SiteHeader({ siteName }: { siteName: string }) {
  return (
    <header className="site-header">
      <div className="wrap">
        <Link className="site-name" href="/">
          {siteName}
        </Link>
      </div>
    </header>
  );
}
