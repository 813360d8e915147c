import type { Country } from '../content';

export type RegionGroup = {
  region: string;
  /** Countries listed under the broadest region alone, then by their next region. */
  subregions: { region: string | undefined; countries: Country[] }[];
};

/**
 * Countries grouped as their `region` says, broadest first: a heading per broadest region, a
 * sub-heading per next region (countries that name only the broadest come first, under no
 * sub-heading). Regions and countries are in alphabetical order.
 */
export function countriesByRegion(countries: readonly Country[]): RegionGroup[] {
  const groups = new Map<string, Map<string | undefined, Country[]>>();
  for (const country of countries) {
    const [broadest, next] = country.region;
    if (broadest === undefined) continue;
    const subregions = groups.get(broadest) ?? new Map<string | undefined, Country[]>();
    groups.set(broadest, subregions);
    subregions.set(next, [...(subregions.get(next) ?? []), country]);
  }
  const byName = (a: string, b: string) => a.localeCompare(b, 'en');
  return [...groups.entries()]
    .sort(([a], [b]) => byName(a, b))
    .map(([region, subregions]) => ({
      region,
      subregions: [...subregions.entries()]
        .sort(([a], [b]) => (a === undefined ? -1 : b === undefined ? 1 : byName(a, b)))
        .map(([subregion, members]) => ({ region: subregion, countries: [...members].sort((a, b) => byName(a.name, b.name)) })),
    }));
}
