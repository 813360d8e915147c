import { COUNTRIES_PATH, MONTH_INDEX_PATH, SEARCH_PATH, SUBSCRIBE_PATH } from './paths';
import { UI } from './ui-strings';

/** The sections the site's navigation names, in order; a page's group layout says which it is in. */
export const SITE_SECTIONS = [
  { id: 'countries', path: COUNTRIES_PATH, label: UI.sections.countries },
  { id: 'crisiswatch', path: MONTH_INDEX_PATH, label: UI.sections.crisiswatch },
  { id: 'search', path: SEARCH_PATH, label: UI.sections.search },
  { id: 'subscribe', path: SUBSCRIBE_PATH, label: UI.sections.subscribe },
] as const;

export type SiteSection = (typeof SITE_SECTIONS)[number]['id'];
