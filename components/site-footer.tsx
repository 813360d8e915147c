import Link from 'next/link';
import { ABOUT_PATH, siteFeedPath, VERDICTS_GUIDE_PATH } from '@/lib/paths';
import { UI } from '@/lib/ui-strings';

/** Every page's footer: who publishes the site and how to read it, and its feed and sitemap. */
export function SiteFooter({ siteName }: { siteName: string }) {
  return (
    <footer className="site-footer">
      <div className="wrap">
        <nav aria-label={UI.footerNavigation}>
          <ul className="footer-links">
            <li>
              <Link href={ABOUT_PATH}>About {siteName}</Link>
            </li>
            <li>
              <Link href={VERDICTS_GUIDE_PATH}>What verdicts and alerts mean</Link>
            </li>
            <li>
              <a href={siteFeedPath()}>Atom feed of every briefing</a>
            </li>
            <li>
              <a href="/sitemap.xml">Sitemap</a>
            </li>
          </ul>
        </nav>
        <p>{siteName}: where each conflict stands this month, from Crisis Group’s CrisisWatch.</p>
      </div>
    </footer>
  );
}
