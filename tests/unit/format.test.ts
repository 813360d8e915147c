import { describe, expect, it } from 'vitest';
import { formatLongDate, formatMonth, formatNumber, formatShortDate, nextMonth, truncateText } from '@/lib/format';

describe('dates as readers see them', () => {
  it('formats months, short and long dates', () => {
    expect(formatMonth('2023-02')).toBe('February 2023');
    expect(formatShortDate('2023-02-08')).toBe('8 Feb 2023');
    expect(formatLongDate('2023-01-27')).toBe('27 January 2023');
    expect(formatShortDate('2020-09-25')).toBe('25 Sep 2020');
  });

  it('formats them in French', () => {
    expect(formatMonth('2023-02', 'fr')).toBe('février 2023');
    expect(formatShortDate('2023-02-08', 'fr')).toBe('8 févr. 2023');
    expect(formatLongDate('2023-01-27', 'fr')).toBe('27 janvier 2023');
    expect(formatShortDate('2024-12-01', 'fr')).toBe('1er déc. 2024');
    expect(formatLongDate('2023-03-01', 'fr')).toBe('1er mars 2023');
    expect(formatLongDate('2023-03-01')).toBe('1 March 2023');
  });

  it('writes a date already written the same way again, in the language and pattern asked each time', () => {
    for (let round = 0; round < 2; round += 1) {
      expect(formatLongDate('2023-03-01', 'fr')).toBe('1er mars 2023');
      expect(formatLongDate('2023-03-01', 'en')).toBe('1 March 2023');
      expect(formatShortDate('2023-03-01', 'en')).toBe('1 Mar 2023');
      expect(formatMonth('2023-03', 'fr')).toBe('mars 2023');
    }
  });

  it('writes numbers as each language does', () => {
    expect(formatNumber(1234)).toBe('1,234');
    expect(formatNumber(1234, 'fr')).toBe('1\u202f234');
  });

  it('finds the month an entry’s alerts look ahead to, across a year’s end', () => {
    expect(nextMonth('2023-02')).toBe('2023-03');
    expect(nextMonth('2024-12')).toBe('2025-01');
  });
});

describe('truncateText', () => {
  it('leaves short text alone and cuts long text at a word with an ellipsis', () => {
    expect(truncateText('Short text.', 50)).toBe('Short text.');
    const cut = truncateText('one two three four five six seven eight nine ten', 20);
    expect(cut).toBe('one two three four…');
    expect(cut.length).toBeLessThanOrEqual(20);
  });
});
