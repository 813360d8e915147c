import { defaultContentDir, getCountries } from '../content';
import { listContentRoutes } from '../content/list-content-routes';
import { monthsWithEntries } from './month-view';

/**
 * Static params for `/crisiswatch/[month]`: one per month any country has an entry for. As for
 * the country routes (lib/country-file-route.ts), the development server takes them from file
 * names, so its params process never loads the tree; a build takes them from the loaded,
 * validated tree, which leaves drafts out (a month with only a draft gets no page).
 */
export async function monthStaticParams(): Promise<{ month: string }[]> {
  const countries =
    process.env.NODE_ENV === 'development'
      ? (await listContentRoutes(defaultContentDir())).map(({ months }) => ({ entries: months.map((month) => ({ month })) }))
      : await getCountries();
  return monthsWithEntries(countries).map((month) => ({ month }));
}
