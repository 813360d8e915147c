import type { Preferences } from '@/lib/subscriptions/preferences';

type CountryChoice = { slug: string; name: string };

/**
 * Tick the countries to follow and save; or leave everything. Plain forms, so it works without
 * JavaScript; the boxes show what is stored now.
 */
export function PreferencesForm({ token, preferences, countries }: { token: string; preferences: Preferences; countries: CountryChoice[] }) {
  const followed = new Set(preferences.countries);
  return (
    <>
      <form method="post" action="/api/preferences" className="preferences-form">
        <input type="hidden" name="token" value={token} />
        <fieldset>
          <legend>Countries you follow</legend>
          <p>Each new CrisisWatch entry for a ticked country is sent to you once, by email.</p>
          <ul className="choice-list">
            {countries.map((country) => (
              <li key={country.slug}>
                <label>
                  <input type="checkbox" name="country" value={country.slug} defaultChecked={followed.has(country.slug)} /> {country.name}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <button type="submit" name="action" value="save">
          Save my choices
        </button>
      </form>
      <form method="post" action="/api/preferences" className="preferences-leave">
        <input type="hidden" name="token" value={token} />
        <h2>Leave everything</h2>
        <p>Stop all email from us. You can come back from this page at any time.</p>
        <button type="submit" name="action" value="leave">
          Unsubscribe from all email
        </button>
      </form>
    </>
  );
}
