import { format, isValid, parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRealDay } from '@/lib/content/schemas';

/** What isRealDay answered before it did the arithmetic itself: date-fns parsing the date and formatting it back. */
const byDateFns = (value: string) => {
  const parsed = parseISO(value);
  return isValid(parsed) && format(parsed, 'yyyy-MM-dd') === value;
};

describe('isRealDay', () => {
  it('knows leap years, month lengths and that there is no year 0', () => {
    expect(['2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31', '2023-04-30'].map(isRealDay)).toEqual([true, true, true, true, true]);
    expect(['2023-02-29', '1900-02-29', '0000-01-01', '2024-13-01', '2024-00-10', '2024-01-00', '2024-04-31'].map(isRealDay)).toEqual([false, false, false, false, false, false, false]);
  });

  it('answers as date-fns does, for any YYYY-MM-DD and anything else', () => {
    const digits = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
    const day = fc.tuple(digits(4), digits(2), digits(2)).map(([year, month, date]) => `${year}-${month}-${date}`);
    const nearDay = fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([year, month, date]) => `${year}-${month}-${date}`);
    fc.assert(
      fc.property(fc.oneof(day, nearDay, fc.string()), (value) => {
        expect(isRealDay(value)).toBe(byDateFns(value));
      }),
      { numRuns: 5_000 },
    );
  });
});
