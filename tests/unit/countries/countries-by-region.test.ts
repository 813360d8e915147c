import { describe, expect, it } from 'vitest';
import type { Country } from '@/lib/content';
import { countriesByRegion } from '@/lib/countries/countries-by-region';

const country = (name: string, region: string[]): Country =>
  ({ name, slug: name.toLowerCase(), region, profileHtml: '', profileExcerpt: '', entries: [], quotes: [] }) as unknown as Country;

describe('countries by region', () => {
  it('groups by the broadest region, then by the next, alphabetically, with countries naming only the broadest first', () => {
    const groups = countriesByRegion([
      country('Zembla', ['Europe', 'North']),
      country('Ruritania', ['Europe', 'Central']),
      country('Freedonia', ['Africa']),
      country('Elbonia', ['Europe']),
      country('Borduria', ['Europe', 'Central']),
    ]);
    expect(groups.map((group) => group.region)).toEqual(['Africa', 'Europe']);
    const europe = groups[1]!;
    expect(europe.subregions.map((sub) => [sub.region, sub.countries.map((c) => c.name)])).toEqual([
      [undefined, ['Elbonia']],
      ['Central', ['Borduria', 'Ruritania']],
      ['North', ['Zembla']],
    ]);
  });

  it('is empty without countries', () => {
    expect(countriesByRegion([])).toEqual([]);
  });
});
