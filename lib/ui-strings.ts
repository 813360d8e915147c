/**
 * Words of the site's frame in one place, so a French edition (a locale prefix in the URL) can
 * swap them as one object. Page content comes from content/, not from here.
 */
export const UI = {
  skipLink: 'Skip to main content',
  mainNavigation: 'Main',
  sections: { countries: 'Countries', crisiswatch: 'CrisisWatch', search: 'Search', subscribe: 'Subscribe' },
  searchLabel: 'Search briefings',
  searchPlaceholder: 'Search briefings',
  searchButton: 'Search',
  footerNavigation: 'About the site',
} as const;
