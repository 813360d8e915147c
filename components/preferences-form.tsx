import type { CountryChoiceGroup } from '@/lib/subscriptions/followed-countries';
import { WHEN_SENT } from '@/lib/subscriptions/followed-countries';
import type { Preferences } from '@/lib/subscriptions/preferences';
import { CountryChoices } from './subscribe-country-choices';
import styles from './subscribe.module.css';

/**
 * Tick the countries to follow and save; or leave everything. Plain forms, so it works without
 * JavaScript; the boxes show what is stored now, grouped by region as on the Subscribe page.
 */
export function PreferencesForm({ token, preferences, groups }: { token: string; preferences: Preferences; groups: readonly CountryChoiceGroup[] }) {
  return (
    <>
      <form method="post" action="/api/preferences" className="preferences-form">
        <input type="hidden" name="token" value={token} />
        <fieldset className={styles.countries}>
          <legend>Countries you follow</legend>
          <p>Tick a country to receive its CrisisWatch entry by email, {WHEN_SENT}.</p>
          <CountryChoices groups={groups} chosen={new Set(preferences.countries)} />
        </fieldset>
        <button type="submit" name="action" value="save">
          Save my choices
        </button>
      </form>
      <form method="post" action="/api/preferences" className="preferences-leave">
        <input type="hidden" name="token" value={token} />
        <h2>Stop all email</h2>
        <p>We will send you nothing more, for any country. You can come back from this page at any time.</p>
        <button type="submit" name="action" value="leave">
          Unsubscribe from all email
        </button>
      </form>
    </>
  );
}
