import Link from 'next/link';

type Props = {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  label: string;
  /** What each page holds, shown instead of its number ("2023–2024"); page n is `pageLabels[n - 1]`. */
  pageLabels?: readonly string[];
};

/** Page links for a list; `hrefFor(n)` gives each page's stable URL. */
export function Pagination({ page, pageCount, hrefFor, label, pageLabels }: Props) {
  if (pageCount <= 1) return null;
  const pages = Array.from({ length: pageCount }, (_, index) => index + 1);
  return (
    <nav className="pagination" aria-label={label}>
      <ul>
        {page > 1 && (
          <li>
            <Link href={hrefFor(page - 1)} rel="prev">
              <span aria-hidden="true">← </span>Newer
            </Link>
          </li>
        )}
        {pages.map((number) => (
          <li key={number}>
            <PageNumber number={number} current={number === page} href={hrefFor(number)} label={pageLabels?.[number - 1]} />
          </li>
        ))}
        {page < pageCount && (
          <li>
            <Link href={hrefFor(page + 1)} rel="next">
              Older<span aria-hidden="true"> →</span>
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
export function PageNumber({ number, current, href, prefetch, label }: { number: number; current: boolean; href: string; prefetch?: boolean; label?: string }) {
  const text = (
    <>
      <span className="visually-hidden">Page {label ? `${number}: ` : ''}</span>
      {label ?? number}
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
