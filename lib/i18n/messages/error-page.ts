import type { Locale } from '../locales';

/**
 * The words of the page shown when a page fails on our side. Kept apart from the dictionaries:
 * the error page is a client component in every page's script, which must not carry a whole
 * dictionary. A language missing here is a type error, as in the dictionaries.
 */
export const ERROR_PAGE_WORDS: Record<Locale, { title: string; body: string; tryAgain: string; or: string; home: string }> = {
  en: {
    title: 'Something went wrong on our side',
    body: 'This page could not be shown just now. Please try again in a minute.',
    tryAgain: 'Try again',
    or: 'or',
    home: 'see every country we follow',
  },
  fr: {
    title: 'Une erreur s’est produite de notre côté',
    body: 'Cette page ne peut pas s’afficher pour le moment. Veuillez réessayer dans une minute.',
    tryAgain: 'Réessayer',
    or: 'ou',
    home: 'voir tous les pays que nous suivons',
  },
};
