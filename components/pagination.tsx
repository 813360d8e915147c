import Link from '@/components/intent-link';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';

type Props = {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  label: string;
  /** What each page holds, shown instead of its number ("2023–2024"); page n is `pageLabels[n - 1]`. */
  pageLabels?: readonly string[];
  locale: Locale;
};

/** Page links for a list; `hrefFor(n)` gives each page's stable URL. */
export function Pagination({ page, pageCount, hrefFor, label, pageLabels, locale }: Props) {
  if (pageCount <= 1) return null;
  const words = messages(locale).archive;
  const pages = Array.from({ length: pageCount }, (_, index) => index + 1);
  return (
    <nav className="pagination" aria-label={label}>
      <ul>
        {page > 1 && (
          <li>
            <Link href={hrefFor(page - 1)} rel="prev">
              <span aria-hidden="true">← </span>
              {words.newer}
            </Link>
          </li>
        )}
        {pages.map((number) => (
          <li key={number}>
            <PageNumber number={number} current={number === page} href={hrefFor(number)} label={pageLabels?.[number - 1]} locale={locale} />
          </li>
        ))}
        {page < pageCount && (
          <li>
            <Link href={hrefFor(page + 1)} rel="next">
              {words.older}
              <span aria-hidden="true"> →</span>
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}

/**
 * One page's link: the current page marked (aria-current), every other a link to it. It shows
 * what the page holds when there is a label ("Page 3: 2019–2020" to a screen reader), else its number.
 */
export function PageNumber({ number, current, href, prefetch, label, locale }: { number: number; current: boolean; href: string; prefetch?: boolean; label?: string; locale: Locale }) {
  const page = messages(locale).archive.page(number);
  const text = label ? (
    <>
      <span className="visually-hidden">{page}: </span>
      {label}
    </>
  ) : (
    <>
      <span className="visually-hidden">{page}</span>
      <span aria-hidden="true">{number}</span>
    </>
  );
  if (current) {
    return (
      <span aria-current="page" className="pagination-current">
        {text}
      </span>
    );
  }
  return (
    <Link href={href} prefetch={prefetch}>
      {text}
    </Link>
  );
}
