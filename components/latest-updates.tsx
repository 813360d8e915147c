import Link from 'next/link';
import type { LatestUpdate } from '@/lib/content/latest-updates';
import { formatShortDate } from '@/lib/format';

export function LatestUpdates({ updates }: { updates: LatestUpdate[] }) {
  return (
    <section className="latest-updates" aria-labelledby="latest-heading">
      <h2 id="latest-heading">Latest Updates</h2>
      {updates.length === 0 ? (
        <p>No updates yet.</p>
      ) : (
        <ol className="update-list">
          {updates.map((update) => (
            <li key={update.href}>
              <span className="update-kind">{update.kind}</span>
              {update.href.includes('#') ? (
                // A link to one quote is a plain link: the browser's own navigation fires the
                // hashchange (or loads the page) that opens the carousel on that quote, which
                // Next's client navigation does not.
                <a href={update.href}>{update.title}</a>
              ) : (
                <Link href={update.href}>{update.title}</Link>
              )}
              <time dateTime={update.date}>{formatShortDate(update.date)}</time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
