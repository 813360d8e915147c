import type { Metadata } from 'next';
import { formatMonth } from '../format';
import { pageMetadata } from '../page-metadata';
import { monthPath } from '../paths';
import type { MonthView } from './month-view';

/**
 * A month's title and description, naming how many countries each group holds. The latest-month
 * page shares them, with the month's permanent address as its canonical URL.
 */
export function monthMetadata(view: MonthView): Metadata {
  const month = formatMonth(view.month);
  const counts = view.groups.filter((group) => group.countries.length > 0).map((group) => `${group.heading.toLowerCase()} ${group.countries.length}`);
  return pageMetadata({
    title: `CrisisWatch: ${month}`,
    description: `Every country in CrisisWatch for ${month}, grouped by alert and verdict (${counts.join(', ')}), each with its lead and a link to the whole entry.`,
    path: monthPath(view.month),
  });
}
