import { notFound } from 'next/navigation';
import { isLocale, type Locale } from './locales';

/**
 * The page's language from its route params. Only the site's languages reach a page (every other
 * path is rewritten under English, next.config.ts); should anything else, it is not found. This
 * narrows the type.
 */
export function localeOf(params: { locale: string }): Locale {
  if (!isLocale(params.locale)) notFound();
  return params.locale;
}
