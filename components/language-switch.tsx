'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { localizePath, splitLocale } from '@/lib/paths';
import type { Locale } from '@/lib/i18n/locales';

export type LanguageLink = { locale: Locale; name: string; label: string };

/**
 * Links to this very page in each other language: the same path behind the other prefix (every
 * page exists in every language; an entry not translated yet shows its English text, marked).
 * The query (a search, a filter, a link's token) is kept where the page was rendered with it;
 * a prerendered page has none. No redirect on Accept-Language: the reader chooses.
 */
export function LanguageSwitch({ languages, label }: { languages: readonly LanguageLink[]; label: string }) {
  return (
    <nav aria-label={label} className="language-switch">
      <ul>
        <Suspense fallback={<Links languages={languages} query="" />}>
          <LinksWithQuery languages={languages} />
        </Suspense>
      </ul>
    </nav>
  );
}

function LinksWithQuery({ languages }: { languages: readonly LanguageLink[] }) {
  const query = useSearchParams().toString();
  return <Links languages={languages} query={query ? `?${query}` : ''} />;
}

function Links({ languages, query }: { languages: readonly LanguageLink[]; query: string }) {
  // A prerendered page knows itself by its route ("/en/mali"); in the browser it is "/mali".
  const path = splitLocale(usePathname().replace(/^\/en(?=$|\/)/, '') || '/').path;
  return languages.map((language) => (
    <li key={language.locale}>
      {/* A plain link: the other language is another root layout, loaded whole. */}
      <a href={`${localizePath(language.locale, path)}${query}`} hrefLang={language.locale} lang={language.locale} aria-label={language.label}>
        {language.name}
      </a>
    </li>
  ));
}
