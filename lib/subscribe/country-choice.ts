/**
 * The country field's messages, shared by the subscribe form in the browser and the server's
 * schema (subscribe-schema.ts, the authority). No zod here: this module is shipped to every page
 * with the form.
 */
export const COUNTRY_MESSAGES = {
  none: 'Choose at least one country to follow',
  unknown: 'One of the countries sent is not covered by this site: choose from the list',
} as const;
