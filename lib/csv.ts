/** RFC 4180 CSV: CRLF line ends; a field is quoted when it holds a comma, a quote or a line break. */
export function toCsv(rows: string[][]): string {
  return `${rows.map((fields) => fields.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function csvField(value: string): string {
  // A leading = + - @ would be read as a formula by spreadsheets; prefix it so it stays text.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
