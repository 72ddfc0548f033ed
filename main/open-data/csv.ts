/** Excel reads a CSV file as the system's ANSI code page unless it starts with a UTF-8 byte order mark. */
export const UTF8_BOM = '\uFEFF';

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line
 * break. Text a spreadsheet would run as a formula (a note starting with
 * = + - @) gets a leading ' so that it stays text; numbers are written as
 * they are, so a negative reading stays a number.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
