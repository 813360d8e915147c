import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { messages } from '../i18n/messages';
import { countryNamesOf, crisisWatchEntriesFor, listOfNames, type CountryChoice } from '../subscriptions/followed-countries';
import { EMAIL_MAX_LENGTH, emailProblem } from './email-address';
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
export function subscribePageView(query: SubscribePageQuery, countries: readonly CountryChoice[], locale: Locale = DEFAULT_LOCALE): SubscribePageView {
  const words = messages(locale).subscribe;
  const result = describeSubscribeResult(query.result, locale);
  // The address comes back from the URL: control characters (a NUL byte) are no part of one, and are not echoed.
  const email = query.email?.replace(/\p{Cc}/gu, '');
  const chosen = countries.filter((country) => query.countries.includes(country.slug));
  const slugs = chosen.map((country) => country.slug);
  const names = countryNamesOf(slugs, countries, locale);
  const backTo = chosen.length === 1 ? chosen[0] : undefined;

  if (query.result === 'confirmed') {
    if (names.length === 0) {
      // An address signed up before this page offered countries: it follows none, so it receives nothing.
      const { heading, message } = words.results.confirmedNothing;
      return { heading, message: { text: message, role: 'status' }, form: { chosen: [] } };
    }
    return { heading: result.heading, message: { text: `${words.results.nowReceive(listOfNames(names, locale))} ${result.message}`, role: 'status' }, backTo };
  }
  if (query.result === 'pending') {
    const what = names.length > 0 ? words.results.pendingWhat(crisisWatchEntriesFor(names, locale), words.whenSent) : words.results.pendingNothing;
    return { heading: result.heading, message: { text: `${result.message}${what}`, role: 'status' }, backTo };
  }
  const emailMessages = { ...words.emailProblems, tooLong: words.emailProblems.tooLong(EMAIL_MAX_LENGTH) };
  const problem = result.field && { field: result.field, message: (result.field === 'email' && emailProblem(email ?? '', emailMessages)) || result.message };
  // A field's problem is said next to the field, and only there: the heading sums it up.
  const message = result.field ? undefined : { text: result.message || words.chooseIntro(words.whenSent), role: result.isError ? ('alert' as const) : undefined };
  return { heading: result.heading, message, form: result.offerForm ? { chosen: slugs, email, problem: problem || undefined } : undefined, backTo };
}
