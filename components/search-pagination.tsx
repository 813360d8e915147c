import Link from '@/components/intent-link';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import { PageNumber } from './pagination';

/** Pages shown either side of the current one; the first and last are always shown. */
const AROUND = 2;

/**
 * Page links for search results. Unlike the archive's, the pages are in order of relevance
 * (Previous/Next, not Newer/Older), and a common word can fill hundreds of pages, so only the
 * pages near the current one are listed, with the first and the last.
 */
export function SearchPagination({ page, pageCount, hrefFor, locale }: { page: number; pageCount: number; hrefFor: (page: number) => string; locale: Locale }) {
  if (pageCount <= 1) return null;
  const words = messages(locale).search;
  const shown = [...new Set([1, ...range(Math.max(1, page - AROUND), Math.min(pageCount, page + AROUND)), pageCount])];
  return (
    <nav className="pagination" aria-label={words.pages}>
      <ul>
        {page > 1 && (
          <li>
            <Link href={hrefFor(page - 1)} rel="prev" prefetch={false}>
              <span aria-hidden="true">← </span>
              {words.previousPage}
              <span className="visually-hidden">{words.page}</span>
            </Link>
          </li>
        )}
        {shown.map((number, index) => (
          <li key={number}>
            {index > 0 && number - shown[index - 1]! > 1 && <span aria-hidden="true">… </span>}
            <PageNumber number={number} current={number === page} href={hrefFor(number)} prefetch={false} locale={locale} />
          </li>
        ))}
        {page < pageCount && (
          <li>
            <Link href={hrefFor(page + 1)} rel="next" prefetch={false}>
              {words.nextPage}
              <span className="visually-hidden">{words.page}</span>
              <span aria-hidden="true"> →</span>
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}
