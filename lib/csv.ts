/** RFC 4180 CSV: CRLF line ends; a field is quoted when it holds a comma, a quote or a line break. */
export function toCsv(rows: string[][]): string {
  return `${rows.map((fields) => fields.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function csvField(value: string): string {
  const safe = wouldBeEvaluated(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A spreadsheet reads a cell as a formula when it starts with = + - @ (OWASP CSV injection; ASVS
 * 1.2.10 adds tab, carriage return and NUL). Such a cell gets a leading ' so it opens as text.
 * A cell starting with + or - is guarded only when the rest holds a character outside
 * [A-Za-z0-9._%+@-]: without ( " ' | ! ; : / or a space no function, DDE call or string can be
 * written, so `-reader@example.org`, `+news@example.org` and `-1` stay exactly as they are, while
 * `+cmd|' /C calc'!A0` and `-HYPERLINK(…)` are guarded.
 */
function wouldBeEvaluated(value: string): boolean {
  if (/^[=@\t\r\0]/.test(value)) return true;
  return /^[+-]/.test(value) && /[^A-Za-z0-9._%+@-]/.test(value.slice(1));
}
