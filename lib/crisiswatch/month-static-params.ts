import { monthsByCountry } from '../country-file-route';
import { recentMonths } from '../content/prerender-window';

/**
 * Static params for `/crisiswatch/[month]`: one per month any country has an entry for, from the
 * months the country routes use (lib/country-file-route.ts): file names in development, so its
 * params process never loads the tree; the loaded, validated tree in a build, which leaves drafts
 * out (a month with only a draft gets no page). Only the latest months are prerendered
 * (prerender-window.ts); an older one is rendered on its first request.
 */
export async function monthStaticParams(): Promise<{ month: string }[]> {
  return recentMonths((await monthsByCountry()).flatMap(({ months }) => months)).map((month) => ({ month }));
}
