import { getName, registerLocale } from 'i18n-iso-countries/index.js';
import frNames from 'i18n-iso-countries/langs/fr.json';
import type { Locale } from './locales';

/**
 * Country names in each language from i18n-iso-countries (a maintained list), for the maps'
 * neighbours and the French tree's countries that have no translation of their own. English
 * names come from the map data and the content, as they always have.
 */
const NAMES: Record<Exclude<Locale, 'en'>, Parameters<typeof registerLocale>[0]> = { fr: frNames };
for (const names of Object.values(NAMES)) registerLocale(names);

/** A country's name in `locale` by its ISO 3166-1 code (numeric `466` or alpha-3 `MLI`); undefined in English or when unknown. */
export function countryNameIn(locale: Locale, code: string): string | undefined {
  if (locale === 'en') return undefined;
  return getName(code, locale) ?? undefined;
}
