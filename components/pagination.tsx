import Link from 'next/link';

/** Page links for a list; `hrefFor(n)` gives each page's stable URL. */
export function Pagination({ page, pageCount, hrefFor, label }: { page: number; pageCount: number; hrefFor: (page: number) => string; label: string }) {
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
            <PageNumber number={number} current={number === page} href={hrefFor(number)} />
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

/** One page's number: the current page marked (aria-current), every other a link to it. */
export function PageNumber({ number, current, href, prefetch }: { number: number; current: boolean; href: string; prefetch?: boolean }) {
  if (current) {
    return (
      <span aria-current="page" className="pagination-current">
        <span className="visually-hidden">Page </span>
        {number}
      </span>
    );
  }
  return (
    <Link href={href} prefetch={prefetch}>
      <span className="visually-hidden">Page </span>
      {number}
    </Link>
  );
}
