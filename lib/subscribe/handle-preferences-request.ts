import { isStoreUnavailable } from '../db/store-gate';
import { isLocale } from '../i18n/locales';
import { pathsFor } from '../paths';
import type { LanguageChoice, SaveResult } from '../subscriptions/preferences';
import { formProblem } from './form-problem';
import { formLocale } from './form-locale';
import { redirectToResult } from './handle-subscribe-request';
import { plainText } from './plain-text';
import { readFormBody } from './read-form-body';
import { isCrossSite } from './same-origin';

/** Room for a ticked box per country of a large archive (each `country=slug&` is ~30 bytes). */
const MAX_BODY_BYTES = 16 * 1024;

export type PreferencesDependencies = {
  isKnownCountry: (slug: string) => boolean;
  /** Follows exactly these countries for the token's owner (none: leaves everything), and sets the mail's language when given. */
  save: (token: string | null, countries: string[], language?: LanguageChoice) => Promise<SaveResult>;
  log?: (message: string, error?: unknown) => void;
};

/** What the page says after a save: `saved`, or `left` when nothing is followed any more. */
export type PreferencesNotice = 'saved' | 'left';

/**
 * The preferences form's POST: the countries ticked (or "leave everything") and the language of
 * the mail, for the owner of the token in the form. Answers Post/Redirect/Get back to the page, in the language it was read in
 * (the form's `locale` field), which shows what is now stored.
 */
export async function handlePreferencesRequest(request: Request, deps: PreferencesDependencies): Promise<Response> {
  if (isCrossSite(request)) return plainText('Cross-site request refused.', 403);
  let form: URLSearchParams;
  try {
    form = await readFormBody(request, MAX_BODY_BYTES);
  } catch (error) {
    return formProblem(error);
  }
  const token = form.get('token');
  const leave = form.get('action') === 'leave';
  const countries = leave ? [] : form.getAll('country');
  const unknown = countries.filter((country) => !deps.isKnownCountry(country));
  if (unknown.length > 0) return plainText(`Unknown country: ${unknown.slice(0, 3).join(', ').slice(0, 200)}.`, 400);
  // The leave button's form carries no language: leaving keeps it.
  const chosen = form.get('language');
  if (chosen !== null && !isLocale(chosen)) return plainText(`Unknown language: ${chosen.slice(0, 20)}.`, 400);
  const language = chosen === null ? undefined : { locale: chosen, untranslatedFallback: form.get('untranslated') === 'yes' };
  let result: SaveResult;
  try {
    result = await deps.save(token, countries, language);
  } catch (error) {
    if (!isStoreUnavailable(error)) deps.log?.('preferences: could not save', error);
    return redirectToResult('link-unavailable', {}, formLocale(form));
  }
  if (result.state === 'invalid' || !token) return redirectToResult('invalid-link', {}, formLocale(form));
  const notice: PreferencesNotice = result.preferences.countries.length === 0 ? 'left' : 'saved';
  const page = `${pathsFor(formLocale(form)).preferences(token)}&notice=${notice}`;
  return new Response(null, { status: 303, headers: { Location: page } });
}

