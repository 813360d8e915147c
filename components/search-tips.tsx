import Link from 'next/link';
import { COUNTRIES_PATH, MONTH_INDEX_PATH, VERDICTS_GUIDE_PATH } from '@/lib/paths';

/** Beside the results: how the search reads a query, and the ways to browse instead. */
export function SearchTips() {
  return (
    <aside className="side-column search-tips" aria-labelledby="search-tips-heading">
      <h2 id="search-tips-heading">How search works</h2>
      <ul>
        <li>It looks through every country profile, every CrisisWatch month and every expert quote.</li>
        <li>A result has every word you typed (when none has them all, those with some are shown), and a spelling mistake or two is forgiven.</li>
        <li>A month such as “February 2023” finds that month’s entries.</li>
      </ul>
      <h2>Or browse</h2>
      <ul>
        <li>
          <Link href={COUNTRIES_PATH}>Every country</Link>, by region
        </li>
        <li>
          <Link href={MONTH_INDEX_PATH}>CrisisWatch month by month</Link>, across countries
        </li>
        <li>
          <Link href={VERDICTS_GUIDE_PATH}>What verdicts and alerts mean</Link>
        </li>
      </ul>
    </aside>
  );
}
