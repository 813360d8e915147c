import Link from '@/components/intent-link';
import type { LatestUpdate } from '@/lib/content/latest-updates';
import { formatShortDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';

export function LatestUpdates({ updates, locale }: { updates: LatestUpdate[]; locale: Locale }) {
  const t = messages(locale).latest;
  return (
    <section className="latest-updates" aria-labelledby="latest-heading">
      <h2 id="latest-heading">{t.heading}</h2>
      {updates.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ol className="update-list">
          {updates.map((update) => (
            <li key={update.href}>
              <span className="update-kind">{update.kind === 'crisiswatch' ? t.crisisWatch : t.news}</span>
              {update.href.includes('#') ? (
                // A link to one quote is a plain link: the browser's own navigation fires the
                // hashchange (or loads the page) that opens the carousel on that quote, which
                // Next's client navigation does not.
                <a href={update.href}>{update.title}</a>
              ) : (
                <Link href={update.href}>{update.title}</Link>
              )}
              <time dateTime={update.date}>{formatShortDate(update.date, locale)}</time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
