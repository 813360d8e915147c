import Link from '@/components/intent-link';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import { pathsFor } from '@/lib/paths';
import { siteSections, type SiteSection } from '@/lib/site-sections';
import { LanguageSwitch } from './language-switch';

/**
 * The header on every page: the site's name (home), the sections, the other languages, and the
 * search form (a plain GET form, so it works without JavaScript). `current` marks the section the
 * page belongs to, in words for assistive technology (`aria-current`) and by an underline, not
 * by colour alone.
 */
export function SiteHeader({ siteName, current, locale }: { siteName: string; current?: SiteSection; locale: Locale }) {
  const t = messages(locale).frame;
  const paths = pathsFor(locale);
  const others = LOCALES.filter((other) => other !== locale).map((other) => ({ locale: other, name: messages(other).language.name, label: messages(other).language.readIn }));
  return (
    <header className="site-header">
      <div className="wrap site-header-inner">
        <Link className="site-name" href={paths.home}>
          {siteName}
        </Link>
        <nav aria-label={t.mainNavigation} className="site-nav">
          <ul>
            {siteSections(locale).map((section) => (
              <li key={section.id}>
                <Link href={section.path} aria-current={section.id === current ? 'page' : undefined}>
                  {section.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <LanguageSwitch languages={others} label={t.languages} />
        <form className="header-search" role="search" action={paths.search()} method="get">
          <label htmlFor="header-search-q" className="visually-hidden">
            {t.searchLabel}
          </label>
          <input id="header-search-q" name="q" type="search" placeholder={t.searchLabel} autoComplete="off" />
          <button type="submit">{t.searchButton}</button>
        </form>
      </div>
    </header>
  );
}
