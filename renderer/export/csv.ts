/** Excel reads a CSV file as the system's ANSI code page unless it starts with a UTF-8 byte order mark. */
export const UTF8_BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;
export type CsvColumn<T> = { title: string; value(row: T): CsvValue };

/**
 * One field: quoted when it holds a separator, quote or line break; text a
 * spreadsheet would run as a formula (a device name or a note starting with
 * = + - @) is prefixed with ' so that it stays text.
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  // A 20-digit device code read as a number loses its last digits; a leading tab keeps it text in Excel.
  if (/^\d{16,}$/.test(value)) return `"\t${value}"`;
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export type CsvProgress = (done: number, total: number) => void;

/**
 * The file's parts (byte order mark, header, then a part per chunk of rows),
 * ready for a Blob. Between chunks it gives the window back so that a large
 * export neither freezes the list nor hides its own progress.
 */
export async function csvParts<T>(
  rows: readonly T[],
  columns: readonly CsvColumn<T>[],
  { chunk = 5000, onProgress, pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0)) }: { chunk?: number; onProgress?: CsvProgress; pause?: () => Promise<void> } = {},
): Promise<string[]> {
  const parts = [UTF8_BOM, csvLine(columns.map((column) => column.title))];
  for (let start = 0; start < rows.length; start += chunk) {
    let part = '';
    const end = Math.min(rows.length, start + chunk);
    for (let index = start; index < end; index++) {
      const row = rows[index]!;
      part += csvLine(columns.map((column) => column.value(row)));
    }
    parts.push(part);
    onProgress?.(end, rows.length);
    if (end < rows.length) await pause();
  }
  return parts;
}

/** Hands a CSV file's parts to the browser as a download named `file`. */
export function downloadCsv(parts: string[], file: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file;
  link.click();
  // The download has taken its copy once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
