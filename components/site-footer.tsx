import Link from '@/components/intent-link';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import { pathsFor } from '@/lib/paths';

/** Every page's footer: who publishes the site and how to read it, and its feed and sitemap. */
export function SiteFooter({ siteName, locale }: { siteName: string; locale: Locale }) {
  const t = messages(locale);
  const paths = pathsFor(locale);
  return (
    <footer className="site-footer">
      <div className="wrap">
        <nav aria-label={t.frame.footerNavigation}>
          <ul className="footer-links">
            <li>
              <Link href={paths.about}>{t.frame.about(siteName)}</Link>
            </li>
            <li>
              <Link href={paths.verdictsGuide}>{t.verdicts.guideLink}</Link>
            </li>
            <li>
              <a href={paths.siteFeed}>{t.frame.siteFeed}</a>
            </li>
            <li>
              <a href="/sitemap.xml">{t.frame.sitemap}</a>
            </li>
          </ul>
        </nav>
        <p>{t.site.tagline(siteName)}</p>
      </div>
    </footer>
  );
}
