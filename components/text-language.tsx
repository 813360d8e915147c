import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';

/**
 * A text from the content in the language it is written in: on a page in another language (an
 * entry not translated yet, an English quote on a French page) it carries its own `lang`, so a
 * screen reader pronounces it right, and says so in the page's language.
 */
export function TextLanguage({ text, locale, children }: { text: { lang?: Locale }; locale: Locale; children: ReactNode }) {
  if (!text.lang || text.lang === locale) return children;
  return (
    <div lang={text.lang} className="other-language">
      <p className="other-language-note" lang={locale}>
        {messages(locale).entry.inEnglish}
      </p>
      {children}
    </div>
  );
}
