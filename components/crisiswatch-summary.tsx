import Link from 'next/link';
import type { Country, CrisisWatchEntry } from '@/lib/content';
import { formatMonth } from '@/lib/format';
import { entryPath } from '@/lib/paths';
import { DraftBanner } from './draft-banner';
import { VerdictSummary } from './verdict-badge';

/**
 * The country page's CrisisWatch box, what a reader comes for: this month's verdict and alerts,
 * the lead and the start of the entry, with the way to the whole of it.
 */
export function CrisisWatchSummary({ country, entry }: { country: Country; entry: CrisisWatchEntry }) {
  const month = formatMonth(entry.month);
  return (
    <section className="crisiswatch-box" aria-labelledby="crisiswatch-heading">
      <h2 id="crisiswatch-heading">
        CrisisWatch {country.name} <span className="crisiswatch-month">{month}</span>
      </h2>
      {entry.draft && <DraftBanner />}
      <VerdictSummary month={entry.month} verdict={entry.verdict} alerts={entry.alerts} />
      <p className="lead">{entry.lead}</p>
      <div className="prose" dangerouslySetInnerHTML={{ __html: entry.excerptHtml }} />
      <p>
        <Link className="continue-reading" href={entryPath(country.slug, entry.month)}>
          Continue reading<span className="visually-hidden">: CrisisWatch {country.name}, {month}</span>
        </Link>
      </p>
    </section>
  );
}
