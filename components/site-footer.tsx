import Link from 'next/link';
import { UI } from '@/lib/ui-strings';

/** Every page's footer: what the site is, and its machine-readable doors (feeds, data, sitemap). */
export function SiteFooter({ siteName }: { siteName: string }) {
  return (
    <footer className="site-footer">
      <div className="wrap">
        <nav aria-label={UI.footerNavigation}>
          <ul className="footer-links">
            <li>
              <a href="/feed.xml">Atom feed of every briefing</a>
            </li>
            <li>
              <Link href="/countries">Data files and feeds by country</Link>
            </li>
            <li>
              <a href="/sitemap.xml">Sitemap</a>
            </li>
          </ul>
        </nav>
        <p>
          {siteName}: where each conflict stands this month. Verdicts and entries follow Crisis Group’s CrisisWatch.
        </p>
      </div>
    </footer>
  );
}
