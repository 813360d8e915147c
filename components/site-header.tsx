import Link from 'next/link';
import { SITE_SECTIONS, type SiteSection } from '@/lib/site-sections';
import { UI } from '@/lib/ui-strings';

/**
 * The header on every page: the site's name (home), the sections, and the search form (a plain
 * GET form, so it works without JavaScript). `current` marks the section the page belongs to,
 * in words for assistive technology (`aria-current`) and by an underline, not by colour alone.
 */
export function SiteHeader({ siteName, current }: { siteName: string; current?: SiteSection }) {
  return (
    <header className="site-header">
      <div className="wrap site-header-inner">
        <Link className="site-name" href="/">
          {siteName}
        </Link>
        <nav aria-label={UI.mainNavigation} className="site-nav">
          <ul>
            {SITE_SECTIONS.map((section) => (
              <li key={section.id}>
                <Link href={section.path} aria-current={section.id === current ? 'page' : undefined}>
                  {section.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <form className="header-search" role="search" action="/search" method="get">
          <label htmlFor="header-search-q" className="visually-hidden">
            {UI.searchLabel}
          </label>
          <input id="header-search-q" name="q" type="search" placeholder={UI.searchPlaceholder} autoComplete="off" />
          <button type="submit">{UI.searchButton}</button>
        </form>
      </div>
    </header>
  );
}
