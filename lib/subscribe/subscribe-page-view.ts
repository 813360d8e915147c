import { CHOOSE_COUNTRIES_INTRO, countryNamesOf, crisisWatchEntriesFor, listOfNames, WHEN_SENT, type CountryChoice } from '../subscriptions/followed-countries';
import { emailProblem } from './email-address';
import { describeSubscribeResult } from './subscribe-result';

/** What `/subscribe?result=&country=&email=` asks the page to show. */
export type SubscribePageQuery = { result?: string; countries: readonly string[]; email?: string };

export type SubscribePageView = {
  heading: string;
  /** The paragraph under the heading, if any: a status or an alert is announced. */
  message?: { text: string; role?: 'status' | 'alert' };
  /** The form with every country, `chosen` ticked and what was typed kept; a problem is said next to its field. */
  form?: { chosen: string[]; email?: string; problem?: { field: 'email' | 'country'; message: string } };
  /** The one country the reader came from, to go back to. */
  backTo?: CountryChoice;
};

/**
 * The Subscribe page in each of its states: the form to choose countries (a first visit, or a
 * post refused), what happens next once a post is accepted, and what the address now receives
 * once confirmed. Countries in the query that are not published are ignored, never echoed.
 */
export function subscribePageView(query: SubscribePageQuery, countries: readonly CountryChoice[]): SubscribePageView {
  const result = describeSubscribeResult(query.result);
  // The address comes back from the URL: control characters (a NUL byte) are no part of one, and are not echoed.
  const email = query.email?.replace(/\p{Cc}/gu, '');
  const chosen = countries.filter((country) => query.countries.includes(country.slug));
  const slugs = chosen.map((country) => country.slug);
  const names = countryNamesOf(slugs, countries);
  const backTo = chosen.length === 1 ? chosen[0] : undefined;

  if (query.result === 'confirmed') {
    if (names.length === 0) {
      // An address signed up before this page offered countries: it follows none, so it receives nothing.
      const text = 'You do not follow any country yet, so there is nothing to send you. Choose the countries to follow and subscribe with the same address: it will not be asked to confirm again.';
      return { heading: 'Your address is confirmed', message: { text, role: 'status' }, form: { chosen: [] } };
    }
    return { heading: result.heading, message: { text: `You now receive CrisisWatch updates for ${listOfNames(names)}. ${result.message}`, role: 'status' }, backTo };
  }
  if (query.result === 'pending') {
    const what = names.length > 0 ? ` Once the address is confirmed, you will receive ${crisisWatchEntriesFor(names)} by email, ${WHEN_SENT}.` : ' Nothing will be sent to you until you confirm.';
    return { heading: result.heading, message: { text: `${result.message}${what}`, role: 'status' }, backTo };
  }
  const problem = result.field && { field: result.field, message: (result.field === 'email' && emailProblem(email ?? '')) || result.message };
  // A field's problem is said next to the field, and only there: the heading sums it up.
  const message = result.field ? undefined : { text: result.message || CHOOSE_COUNTRIES_INTRO, role: result.isError ? ('alert' as const) : undefined };
  return { heading: result.heading, message, form: result.offerForm ? { chosen: slugs, email, problem: problem || undefined } : undefined, backTo };
}
