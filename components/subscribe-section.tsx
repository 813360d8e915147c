import { getCountries, getCountry } from '@/lib/content';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import { EMAIL_MAX_LENGTH } from '@/lib/subscribe/email-address';
import { countryChoiceGroups, crisisWatchEntriesFor } from '@/lib/subscriptions/followed-countries';
import { CountryChoices } from './subscribe-country-choices';
import { SubscribeForm, type SubscribeFormProps, type SubscribeFormWords } from './subscribe-form';

/**
 * The subscribe box (a server component). On a country or entry page it follows that one
 * country and says so; anywhere else the reader chooses the countries.
 */
export async function SubscribeSection({ country, locale }: { country?: string; locale: Locale }) {
  const followed = country === undefined ? undefined : await getCountry(country, locale);
  const words = messages(locale).subscribe;
  return (
    <section className="subscribe" aria-labelledby="subscribe-heading">
      {followed ? (
        <>
          <h2 id="subscribe-heading">{words.followCountry(followed.name)}</h2>
          <p>{words.receive(crisisWatchEntriesFor([followed.name], locale), words.whenSent)}</p>
          <SubscribeForm words={subscribeFormWords(locale)}>
            <input type="hidden" name="country" value={followed.slug} />
          </SubscribeForm>
        </>
      ) : (
        <>
          <h2 id="subscribe-heading">{words.followCrisisWatch}</h2>
          <p>{words.chooseIntro(words.whenSent)}</p>
          <SubscribeCountriesForm locale={locale} />
        </>
      )}
    </section>
  );
}

/** The form with every country to tick, grouped by region; `chosen` are ticked already. */
export async function SubscribeCountriesForm({
  chosen = [],
  defaultEmail,
  problem,
  locale,
}: { chosen?: readonly string[]; locale: Locale } & Omit<SubscribeFormProps, 'children' | 'choosesCountries' | 'words'>) {
  const groups = countryChoiceGroups(await getCountries(locale), locale);
  return (
    <SubscribeForm choosesCountries defaultEmail={defaultEmail} problem={problem} words={subscribeFormWords(locale)}>
      <CountryChoices groups={groups} chosen={new Set(chosen)} />
    </SubscribeForm>
  );
}

/** What the form says in the browser, in the page's language. */
export function subscribeFormWords(locale: Locale): SubscribeFormWords {
  const words = messages(locale).subscribe;
  const { countries, email, submit, honeypot, sending, thanks, offline, failed, emailProblems } = words;
  return {
    locale,
    countries,
    email,
    submit,
    honeypot,
    sending,
    thanks,
    offline,
    failed,
    emailProblems: { missing: emailProblems.missing, malformed: emailProblems.malformed, tooLong: emailProblems.tooLong(EMAIL_MAX_LENGTH) },
    noCountry: words.countryProblems.none,
  };
}
