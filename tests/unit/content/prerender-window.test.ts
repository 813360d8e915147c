import { describe, expect, it } from 'vitest';
import { ARCHIVE_PAGE_SIZE } from '@/lib/content/archive';
import { recentArchivePages, recentMonths } from '@/lib/content/prerender-window';
import { parseSettings } from '@/lib/config/settings';

const TWENTY_YEARS = Array.from({ length: 240 }, (_, index) => `${2005 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);

describe('the months a build prerenders', () => {
  it('are the latest ones, newest first, whatever order the files came in', () => {
    const shuffled = [...TWENTY_YEARS].sort((a, b) => (a.slice(5) + a).localeCompare(b.slice(5) + b));
    expect(recentMonths(shuffled, 3)).toEqual(['2024-12', '2024-11', '2024-10']);
    expect(recentMonths(['2023-02'], 12)).toEqual(['2023-02']);
  });

  it('are every month when the window is 0, and a month listed twice (by two countries) once', () => {
    expect(recentMonths(TWENTY_YEARS, 0)).toHaveLength(240);
    expect(recentMonths(['2024-01', '2024-02', '2024-01'], 0)).toEqual(['2024-02', '2024-01']);
  });

  it('take the archive pages after the first only as far as the window reaches', () => {
    expect(recentArchivePages(240, 12)).toEqual([]);
    expect(recentArchivePages(240, ARCHIVE_PAGE_SIZE + 1)).toEqual([2]);
    expect(recentArchivePages(240, 0)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(recentArchivePages(10, 0)).toEqual([]);
  });

  it('come from PRERENDER_MONTHS, twelve unless set, and a bad value is named', () => {
    expect(parseSettings({}).PRERENDER_MONTHS).toBe(12);
    expect(parseSettings({ PRERENDER_MONTHS: '0' }).PRERENDER_MONTHS).toBe(0);
    expect(() => parseSettings({ PRERENDER_MONTHS: 'all' })).toThrow(/PRERENDER_MONTHS.*whole number of months/);
  });
});
