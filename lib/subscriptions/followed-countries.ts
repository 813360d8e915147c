import type { Country } from '../content';
import { countriesByRegion } from '../countries/countries-by-region';
import type { Locale } from '../i18n/locales';
import { formatList, messages } from '../i18n/messages';

/** A country a reader can tick: plain data, for the forms that list them. */
export type CountryChoice = { slug: string; name: string };

/** The countries of one broadest region, in alphabetical order: one fieldset of the form. */
export type CountryChoiceGroup = { region: string; countries: CountryChoice[] };


/**
 * Every country grouped by its broadest region (regions in alphabetical order), and within a
 * region in alphabetical order: a reader looks for a name, so sub-regions are not split out.
 */
export function countryChoiceGroups(countries: readonly Country[], locale: Locale = 'en'): CountryChoiceGroup[] {
  return countriesByRegion(countries).map((group) => ({
    region: group.region,
    countries: group.subregions.flatMap((subregion) => subregion.countries.map(({ slug, name }) => ({ slug, name }))).sort(byName(locale)),
  }));
}

const byName = (locale: Locale) => (a: CountryChoice, b: CountryChoice) => a.name.localeCompare(b.name, locale);

/** The names of the countries among `slugs` that are published, in alphabetical order (a country no longer published is left out). */
export function countryNamesOf(slugs: readonly string[], countries: readonly CountryChoice[], locale: Locale = 'en'): string[] {
  const wanted = new Set(slugs);
  return countries
    .filter((country) => wanted.has(country.slug))
    .sort(byName(locale))
    .map((country) => country.name);
}

/** `Mali`, `Mali and Niger`, `Chad, Mali and Niger` */
export function listOfNames(names: readonly string[], locale: Locale = 'en'): string {
  return formatList(locale, names);
}

/** What a subscriber to these countries receives: `the CrisisWatch entry for Mali`, `the CrisisWatch entries for Mali and Niger`. */
export function crisisWatchEntriesFor(names: readonly string[], locale: Locale = 'en'): string {
  return messages(locale).subscribe.entriesFor(listOfNames(names, locale), names.length);
}

/** When update mail goes out, in the words every subscribe form and message uses. */
export const WHEN_SENT = messages('en').subscribe.whenSent;

/** What a reader who chooses countries will receive (the Subscribe page, and the box where no country is given). */
export const CHOOSE_COUNTRIES_INTRO = messages('en').subscribe.chooseIntro(WHEN_SENT);
