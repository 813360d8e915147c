import { defaultContentDir, getCountries } from '../content';
import { listContentRoutes } from '../content/list-content-routes';
import { recentMonths } from '../content/prerender-window';
import { monthsWithEntries } from './month-view';

/**
 * Static params for `/crisiswatch/[month]`: one per month any country has an entry for. As for
 * the country routes (lib/country-file-route.ts), the development server takes them from file
 * names, so its params process never loads the tree; a build takes them from the loaded,
 * validated tree, which leaves drafts out (a month with only a draft gets no page). Only the
 * latest months are prerendered (prerender-window.ts); an older one is rendered on its first request.
 */
export async function monthStaticParams(): Promise<{ month: string }[]> {
  const countries =
    process.env.NODE_ENV === 'development'
      ? (await listContentRoutes(defaultContentDir())).map(({ months }) => ({ entries: months.map((month) => ({ month })) }))
      : await getCountries();
  return recentMonths(monthsWithEntries(countries)).map((month) => ({ month }));
}
