import type { Metadata } from 'next';
import { LinkProblem } from '@/components/link-problem';
import { PreferencesForm } from '@/components/preferences-form';
import { getCountries } from '@/lib/content';
import type { PreferencesNotice } from '@/lib/subscribe/handle-preferences-request';
import { countryChoiceGroups, WHEN_SENT } from '@/lib/subscriptions/followed-countries';
import { getPreferences, type Preferences } from '@/lib/subscriptions/preferences';
import { readStoreForPage } from '@/lib/subscriptions/subscription-service';

export const metadata: Metadata = { title: 'Your email updates', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const NOTICES: Record<PreferencesNotice, string> = {
  saved: 'Your choices are saved.',
  left: 'You have left every country: we will send you no more email.',
};

/** Reached from the link in every message (the same token as its unsubscribe link). */
export default async function PreferencesPage({ searchParams }: Props) {
  const query = await searchParams;
  const token = query.token;
  const preferences = await readStoreForPage((store) => getPreferences(store, token));
  if (preferences === 'unavailable') return <LinkProblem code="link-unavailable" />;
  if (!preferences || typeof token !== 'string') return <LinkProblem code="invalid-link" />;
  const notice = NOTICES[query.notice as PreferencesNotice] as string | undefined;
  const groups = countryChoiceGroups(await getCountries());
  return (
    <>
      <h1>Your email updates</h1>
      {notice && <p role="status" className="notice">{notice}</p>}
      <p>
        For <strong>{preferences.email}</strong>. {statusLine(preferences)}
      </p>
      <PreferencesForm token={token} preferences={preferences} groups={groups} />
    </>
  );
}

function statusLine(preferences: Preferences): string {
  if (preferences.undeliverable) return 'Mail to this address was refused by its mail server, so we stopped sending. Subscribe again, and confirm, to show that the address works.';
  if (preferences.status === 'pending') return 'This address is not confirmed yet: open the link in the message we sent you. Your choices apply once it is.';
  if (preferences.status === 'unsubscribed') return 'You receive no email from us. Tick countries and save to receive their CrisisWatch entries again.';
  return preferences.countries.length > 0
    ? `You receive the CrisisWatch entry for each country ticked below, ${WHEN_SENT}.`
    : 'You follow no country at the moment, so we send you nothing. Tick the countries to follow and save.';
}
