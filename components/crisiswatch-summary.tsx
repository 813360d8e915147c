import Link from '@/components/intent-link';
import type { Country, CrisisWatchEntry } from '@/lib/content';
import { formatMonth } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import { pathsFor } from '@/lib/paths';
import { DraftBanner } from './draft-banner';
import { TextLanguage } from './text-language';
import { VerdictSummary } from './verdict-badge';

/**
 * The country page's CrisisWatch box, what a reader comes for: this month's verdict and alerts,
 * the lead and the start of the entry, with the way to the whole of it.
 */
export function CrisisWatchSummary({ country, entry, locale }: { country: Country; entry: CrisisWatchEntry; locale: Locale }) {
  const t = messages(locale).country;
  const month = formatMonth(entry.month, locale);
  return (
    <section className="crisiswatch-box" aria-labelledby="crisiswatch-heading">
      <h2 id="crisiswatch-heading">
        {t.boxHeading(country.name)} <span className="crisiswatch-month">{month}</span>
      </h2>
      {entry.draft && <DraftBanner locale={locale} />}
      <VerdictSummary month={entry.month} verdict={entry.verdict} alerts={entry.alerts} locale={locale} />
      <TextLanguage text={entry} locale={locale}>
        <p className="lead">{entry.lead}</p>
        <div className="prose" dangerouslySetInnerHTML={{ __html: entry.excerptHtml }} />
      </TextLanguage>
      <p>
        <Link className="continue-reading" href={pathsFor(locale).entry(country.slug, entry.month)}>
          {t.continueReading}
          <span className="visually-hidden">{t.continueReadingWhat(country.name, month)}</span>
        </Link>
      </p>
    </section>
  );
}
