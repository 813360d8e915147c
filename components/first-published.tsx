import { formatLongDate } from '@/lib/format';

/**
 * Where and when a text first appeared, as its file says (an editor's fact, never guessed):
 * "Source: crisisgroup.org, published 2 March 2023". Nothing when the file says neither.
 */
export function FirstPublished({ url, date }: { url?: string; date?: string }) {
  if (!url && !date) return null;
  const when = date && <time dateTime={date}>{formatLongDate(date)}</time>;
  return (
    <p className="first-published">
      {url ? (
        <>
          Source: <a href={url}>{new URL(url).hostname.replace(/^www\./, '')}</a>
          {when && <>, published {when}</>}.
        </>
      ) : (
        <>First published {when}.</>
      )}
    </p>
  );
}
