import type { Locale } from './i18n/locales';
import { messages } from './i18n/messages';
import { pathsFor } from './paths';

/** The sections the site's navigation names, in order; a page's group layout says which it is in. */
export const SITE_SECTIONS = ['countries', 'crisiswatch', 'search', 'subscribe'] as const;
export type SiteSection = (typeof SITE_SECTIONS)[number];

/** Each section's address and name in `locale`. */
export function siteSections(locale: Locale): { id: SiteSection; path: string; label: string }[] {
  const paths = pathsFor(locale);
  const sectionPaths: Record<SiteSection, string> = { countries: paths.countries, crisiswatch: paths.months, search: paths.search(), subscribe: paths.subscribe };
  return SITE_SECTIONS.map((id) => ({ id, path: sectionPaths[id], label: messages(locale).frame.sections[id] }));
}
