import type { SubscriberDb } from '../db/database';
import type { SubscriberStatus } from '../db/schema';
import type { Locale } from '../i18n/locales';
import { countriesFollowedBy, ownerOfUnsubscribeToken, unsubscribe } from './subscriber-store';

export type Preferences = {
  email: string;
  status: SubscriberStatus;
  /** Slugs of the countries followed, in alphabetical order. */
  countries: string[];
  /** A mail server refused the address for good; nothing is sent until it confirms again. */
  undeliverable: boolean;
} & LanguageChoice;

/** The language of a subscriber's mail, and whether entries not translated into it come in English. */
export type LanguageChoice = { locale: Locale; untranslatedFallback: boolean };

/**
 * What the preferences page shows to whoever holds a token from one of the subscriber's
 * messages (the token in every unsubscribe link), or undefined for a token that is not one.
 */
export async function getPreferences(store: SubscriberDb, token: unknown): Promise<Preferences | undefined> {
  const subscriberId = await ownerOfUnsubscribeToken(store, token);
  if (!subscriberId) return undefined;
  return readPreferences(store, subscriberId);
}

async function readPreferences({ db }: SubscriberDb, subscriberId: string): Promise<Preferences | undefined> {
  const subscriber = await db.selectFrom('subscribers').select(['email', 'status', 'undeliverable_at', 'locale', 'untranslated_fallback']).where('id', '=', subscriberId).executeTakeFirst();
  if (!subscriber) return undefined;
  return {
    email: subscriber.email,
    status: subscriber.status,
    countries: await countriesFollowedBy(db, subscriberId),
    undeliverable: subscriber.undeliverable_at !== null,
    locale: subscriber.locale,
    untranslatedFallback: subscriber.untranslated_fallback === 1,
  };
}

export type SaveResult = { state: 'saved'; preferences: Preferences } | { state: 'invalid' };

/**
 * Follows exactly `countries` (already checked against the content by the caller), and sets the
 * mail's language when `language` is given. Choosing none
 * is leaving everything, the same as the unsubscribe link. The token proves the address receives
 * our mail, so someone who had left and now picks countries again is subscribed again without a
 * further confirmation; an address still pending must confirm first.
 */
export async function savePreferences(store: SubscriberDb, token: unknown, countries: readonly string[], now: Date, language?: LanguageChoice): Promise<SaveResult> {
  const subscriberId = await ownerOfUnsubscribeToken(store, token);
  if (!subscriberId) return { state: 'invalid' };
  if (language) {
    await store.db
      .updateTable('subscribers')
      .set({ locale: language.locale, untranslated_fallback: language.untranslatedFallback ? 1 : 0, updated_at: now.toISOString() })
      .where('id', '=', subscriberId)
      .execute();
  }
  if (countries.length === 0) {
    await unsubscribe(store, token, now);
  } else {
    const at = now.toISOString();
    const wanted = [...new Set(countries)];
    await store.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('subscriptions').where('subscriber_id', '=', subscriberId).where('country', 'not in', wanted).execute();
      await trx
        .insertInto('subscriptions')
        .values(wanted.map((country) => ({ country, subscriber_id: subscriberId, created_at: at })))
        .onConflict((conflict) => conflict.doNothing())
        .execute();
      await trx
        .updateTable('subscribers')
        .set({ status: 'confirmed', confirmed_at: at, unsubscribed_at: null, updated_at: at })
        .where('id', '=', subscriberId)
        .where('status', '=', 'unsubscribed')
        .execute();
    });
  }
  const preferences = await readPreferences(store, subscriberId);
  return preferences ? { state: 'saved', preferences } : { state: 'invalid' };
}
