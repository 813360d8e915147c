import { DEFAULT_LOCALE, LOCALES, type Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import type { CountryChoiceGroup } from '@/lib/subscriptions/followed-countries';
import type { Preferences } from '@/lib/subscriptions/preferences';
import { CountryChoices } from './subscribe-country-choices';
import styles from './subscribe.module.css';

/**
 * Tick the countries to follow, choose the language of the mail, and save; or leave everything.
 * Plain forms, so it works without JavaScript; the boxes show what is stored now, grouped by
 * region as on the Subscribe page.
 */
export function PreferencesForm({ token, preferences, groups, locale }: { token: string; preferences: Preferences; groups: readonly CountryChoiceGroup[]; locale: Locale }) {
  const words = messages(locale).preferences;
  return (
    <>
      <form method="post" action="/api/preferences" className="preferences-form">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="locale" value={locale} />
        <fieldset className={styles.countries}>
          <legend>{words.countries}</legend>
          <p>{words.tick(messages(locale).subscribe.whenSent)}</p>
          <CountryChoices groups={groups} chosen={new Set(preferences.countries)} />
        </fieldset>
        <LanguageChoices preferences={preferences} locale={locale} />
        <button type="submit" name="action" value="save">
          {words.save}
        </button>
      </form>
      <form method="post" action="/api/preferences" className="preferences-leave">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="locale" value={locale} />
        <h2>{words.stopHeading}</h2>
        <p>{words.stopText}</p>
        <button type="submit" name="action" value="leave">
          {words.leave}
        </button>
      </form>
    </>
  );
}

/**
 * The mail's language, each named in itself (and marked as such for screen readers), as radio
 * buttons: one Tab stop, arrows to choose. The English-texts option matters only for a
 * translation's subscribers: the stylesheet hides it while English is chosen (no script needed).
 */
function LanguageChoices({ preferences, locale }: { preferences: Preferences; locale: Locale }) {
  const words = messages(locale).preferences;
  return (
    <fieldset className={styles.language}>
      <legend>{words.language}</legend>
      <ul>
        {LOCALES.map((language) => (
          <li key={language}>
            <label>
              <input type="radio" name="language" value={language} defaultChecked={preferences.locale === language} data-source={language === DEFAULT_LOCALE || undefined} />
              <span lang={language}>{messages(language).language.name}</span>
            </label>
          </li>
        ))}
      </ul>
      <label className={styles.untranslated}>
        <input type="checkbox" name="untranslated" value="yes" defaultChecked={preferences.untranslatedFallback} />
        {words.untranslated}
      </label>
    </fieldset>
  );
}
