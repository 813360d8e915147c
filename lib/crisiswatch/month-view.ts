import type { Country, CrisisWatchEntry } from '../content/load-content';
import type { Alert, Verdict } from '../content/schemas';
import type { Locale } from '../i18n/locales';
import { pathsFor } from '../paths';

/** What a month across countries needs of a country: its name and its entries (any order). */
export type CountryEntries = Pick<Country, 'slug' | 'name'> & Partial<Pick<Country, 'iso3166' | 'region'>> & {
  entries: readonly (Pick<CrisisWatchEntry, 'month' | 'verdict' | 'alerts' | 'lead' | 'lang'> & { draft?: boolean })[];
};

/** One country in one month, as the month page, its table and the home page show it. */
export type MonthCountry = {
  slug: string;
  name: string;
  verdict: Verdict;
  alerts: readonly Alert[];
  lead: string;
  /** The lead's language when it is not the page's (a month not translated yet). */
  lang?: Locale;
  href: string;
  /** Where the maps draw it, if the content gives a code (fictional countries have none). */
  iso3166?: string;
  /** Its broadest region: the map draws one region, or the world when countries span several. */
  region?: string;
  /** Only the development server has drafts in its tree; the page marks them. */
  draft: boolean;
};

export type MonthGroupId = Alert | Verdict;

export type MonthGroup = { id: MonthGroupId; countries: MonthCountry[] };

export type MonthView = {
  month: string;
  /** Every country with an entry this month, alphabetical: the table's rows. */
  countries: MonthCountry[];
  /** All five groups in CrisisWatch's order, empty ones included (the page says them in one line). */
  groups: MonthGroup[];
  /** The nearest earlier and later months any country has an entry for. */
  previous?: string;
  next?: string;
};

/**
 * CrisisWatch's order: alerts first, then the verdicts. A country with an alert is listed under
 * the alert and again under its verdict, as CrisisWatch does.
 */
export const MONTH_GROUPS: readonly MonthGroupId[] = ['conflict-risk-alert', 'resolution-opportunity', 'deteriorated', 'improved', 'unchanged'];


/** Every month any country has an entry for, oldest first, each once. */
export function monthsWithEntries(countries: readonly { entries: readonly { month: string }[] }[]): string[] {
  return [...new Set(countries.flatMap((country) => country.entries.map((entry) => entry.month)))].sort();
}

/** The newest month any country has an entry for, if any has one. */
export function latestMonth(countries: readonly { entries: readonly { month: string }[] }[]): string | undefined {
  return monthsWithEntries(countries).at(-1);
}

/** The countries of one month grouped as CrisisWatch groups them; undefined when no country has that month. */
export function monthView(countries: readonly CountryEntries[], month: string, locale: Locale): MonthView | undefined {
  const paths = pathsFor(locale);
  const inMonth: MonthCountry[] = countries
    .flatMap((country) => {
      const entry = country.entries.find((candidate) => candidate.month === month);
      if (!entry) return [];
      const { slug, name, iso3166, region } = country;
      const { verdict, alerts, lead, lang } = entry;
      return [{ slug, name, iso3166, region: region?.[0], verdict, alerts, lead, lang, href: paths.entry(slug, month), draft: entry.draft ?? false }];
    })
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  if (inMonth.length === 0) return undefined;
  const groups = MONTH_GROUPS.map((id) => ({
    id,
    countries: inMonth.filter((country) => country.verdict === id || country.alerts.some((alert) => alert === id)),
  }));
  const months = monthsWithEntries(countries);
  const index = months.indexOf(month);
  return { month, countries: inMonth, groups, previous: months[index - 1], next: months[index + 1] };
}
