import Link from 'next/link';
import type { CrisisWatchEntry } from '@/lib/content';
import { formatMonth } from '@/lib/format';
import { entryPath } from '@/lib/paths';
import { AlertList, VerdictBadge } from './verdict-badge';

export function ArchiveList({ country, entries }: { country: string; entries: CrisisWatchEntry[] }) {
  return (
    <ol className="archive-list">
      {entries.map((entry) => (
        <li key={entry.month}>
          <h3>
            <Link href={entryPath(country, entry.month)}>{formatMonth(entry.month)}</Link>
          </h3>
          <div className="verdict-line">
            <VerdictBadge verdict={entry.verdict} />
            <AlertList alerts={entry.alerts} month={entry.month} />
          </div>
          <p className="lead-text">{entry.lead}</p>
        </li>
      ))}
    </ol>
  );
}
