import type { Metadata } from 'next';
import { LinkProblem } from '@/components/link-problem';
import { PreferencesForm } from '@/components/preferences-form';
import { getCountries } from '@/lib/content';
import { localeOf } from '@/lib/i18n/locale-param';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import type { PreferencesNotice } from '@/lib/subscribe/handle-preferences-request';
import { countryChoiceGroups } from '@/lib/subscriptions/followed-countries';
import { getPreferences, type Preferences } from '@/lib/subscriptions/preferences';
import { readStoreForPage } from '@/lib/subscriptions/subscription-service';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: messages(localeOf(await params)).preferences.title, robots: { index: false } };
}

/** Reached from the link in every message (the same token as its unsubscribe link). */
export default async function PreferencesPage({ params, searchParams }: Props) {
  const locale = localeOf(await params);
  const words = messages(locale).preferences;
  const query = await searchParams;
  const token = query.token;
  const preferences = await readStoreForPage((store) => getPreferences(store, token));
  if (preferences === 'unavailable') return <LinkProblem code="link-unavailable" locale={locale} />;
  if (!preferences || typeof token !== 'string') return <LinkProblem code="invalid-link" locale={locale} />;
  const notices: Record<PreferencesNotice, string> = { saved: words.saved, left: words.left };
  const notice = notices[query.notice as PreferencesNotice] as string | undefined;
  const groups = countryChoiceGroups(await getCountries(locale), locale);
  return (
    <>
      <h1>{words.heading}</h1>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      <p>
        {words.forAddress} <strong>{preferences.email}</strong>. {statusLine(preferences, locale)}
      </p>
      <PreferencesForm token={token} preferences={preferences} groups={groups} locale={locale} />
    </>
  );
}

function statusLine(preferences: Preferences, locale: Locale): string {
  const words = messages(locale).preferences;
  if (preferences.undeliverable) return words.undeliverable;
  if (preferences.status === 'pending') return words.pending;
  if (preferences.status === 'unsubscribed') return words.unsubscribed;
  return preferences.countries.length > 0 ? words.following(messages(locale).subscribe.whenSent) : words.followingNothing;
}
