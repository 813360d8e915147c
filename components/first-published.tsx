import { formatLongDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';

/**
 * Where and when a text first appeared, as its file says (an editor's fact, never guessed):
 * "Source: crisisgroup.org, published 2 March 2023". Nothing when the file says neither.
 */
export function FirstPublished({ url, date, locale }: { url?: string; date?: string; locale: Locale }) {
  if (!url && !date) return null;
  const t = messages(locale).country;
  const when = date ? formatLongDate(date, locale) : undefined;
  return (
    <p className="first-published">
      {url ? (
        <>
          {t.source} <a href={url}>{new URL(url).hostname.replace(/^www\./, '')}</a>
          {when && (
            <>
              , <time dateTime={date}>{t.published(when)}</time>
            </>
          )}
          .
        </>
      ) : (
        <time dateTime={date}>{t.firstPublished(when!)}</time>
      )}
    </p>
  );
}
