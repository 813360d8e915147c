import { notFound } from 'next/navigation';
import { isLocale, type Locale } from './locales';

/**
 * The page's language from its route params. The root layout allows only the site's languages
 * (dynamicParams = false), so anything else never reaches a page; this narrows the type.
 */
export function localeOf(params: { locale: string }): Locale {
  if (!isLocale(params.locale)) notFound();
  return params.locale;
}
