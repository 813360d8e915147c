import Link from '@/components/intent-link';
import type { CrisisWatchEntry } from '@/lib/content';
import { formatMonth } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { pathsFor } from '@/lib/paths';
import { TextLanguage } from './text-language';
import { AlertList, VerdictBadge } from './verdict-badge';

export function ArchiveList({ country, entries, locale }: { country: string; entries: CrisisWatchEntry[]; locale: Locale }) {
  const paths = pathsFor(locale);
  return (
    <ol className="archive-list">
      {entries.map((entry) => (
        <li key={entry.month}>
          <h3>
            <Link href={paths.entry(country, entry.month)}>{formatMonth(entry.month, locale)}</Link>
          </h3>
          <div className="verdict-line">
            <VerdictBadge verdict={entry.verdict} locale={locale} />
            <AlertList alerts={entry.alerts} month={entry.month} locale={locale} />
          </div>
          <TextLanguage text={entry} locale={locale}>
            <p className="lead-text">{entry.lead}</p>
          </TextLanguage>
        </li>
      ))}
    </ol>
  );
}
