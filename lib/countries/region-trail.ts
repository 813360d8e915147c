import type { Locale } from '../i18n/locales';
import { pathsFor } from '../paths';

/** A step of a breadcrumb: a page above this one (with its link), or this page (without). */
export type Crumb = { label: string; href?: string };

/**
 * A country's regions as breadcrumb steps, broadest first ("Africa › Sahel"), each leading to
 * its heading on the countries page (which heads regions two levels deep).
 */
export function regionTrail(region: readonly string[], locale: Locale): Crumb[] {
  const paths = pathsFor(locale);
  return region.map((name, index) => ({ label: name, href: paths.region(...region.slice(0, Math.min(index + 1, 2))) }));
}
