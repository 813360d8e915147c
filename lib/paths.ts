/** Every internal URL is built here, so routes and links cannot drift apart. */
export const countryPath = (country: string) => `/${country}`;
export const entryPath = (country: string, month: string) => `/${country}/crisiswatch/${month}`;
export const quoteAnchor = (quoteId: string) => `quote-${quoteId}`;
