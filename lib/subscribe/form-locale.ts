import { DEFAULT_LOCALE, isLocale, type Locale } from '../i18n/locales';

/** The language of the page a form was posted from (its hidden `locale` field); English when absent or unknown. */
export function formLocale(form: URLSearchParams): Locale {
  const sent = form.get('locale') ?? '';
  return isLocale(sent) ? sent : DEFAULT_LOCALE;
}
