import { getCountries, getCountry } from '@/lib/content';
import { CHOOSE_COUNTRIES_INTRO, countryChoiceGroups, crisisWatchEntriesFor, WHEN_SENT } from '@/lib/subscriptions/followed-countries';
import { CountryChoices } from './subscribe-country-choices';
import { SubscribeForm, type SubscribeFormProps } from './subscribe-form';

/**
 * The subscribe box (a server component). On a country or entry page it follows that one
 * country and says so; anywhere else the reader chooses the countries.
 */
export async function SubscribeSection({ country }: { country?: string }) {
  const followed = country === undefined ? undefined : await getCountry(country);
  return (
    <section className="subscribe" aria-labelledby="subscribe-heading">
      {followed ? (
        <>
          <h2 id="subscribe-heading">{`Follow ${followed.name} by email`}</h2>
          <p>{`Receive ${crisisWatchEntriesFor([followed.name])} by email, ${WHEN_SENT}.`}</p>
          <SubscribeForm>
            <input type="hidden" name="country" value={followed.slug} />
          </SubscribeForm>
        </>
      ) : (
        <>
          <h2 id="subscribe-heading">Follow CrisisWatch by email</h2>
          <p>{CHOOSE_COUNTRIES_INTRO}</p>
          <SubscribeCountriesForm />
        </>
      )}
    </section>
  );
}

/** The form with every country to tick, grouped by region; `chosen` are ticked already. */
export async function SubscribeCountriesForm({ chosen = [], defaultEmail, problem }: { chosen?: readonly string[] } & Omit<SubscribeFormProps, 'children' | 'choosesCountries'>) {
  const groups = countryChoiceGroups(await getCountries());
  return (
    <SubscribeForm choosesCountries defaultEmail={defaultEmail} problem={problem}>
      <CountryChoices groups={groups} chosen={new Set(chosen)} />
    </SubscribeForm>
  );
}
