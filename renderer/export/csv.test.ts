import { describe, expect, it } from 'vitest';
import { UTF8_BOM, csvField, csvLine, csvParts } from './csv';

describe('CSV export', () => {
  it('quotes separators, quotes and line breaks', () => {
    expect(csvField('东区, 1号楼')).toBe('"东区, 1号楼"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('plain 文本')).toBe('plain 文本');
    expect(csvField(null)).toBe('');
    expect(csvField(3)).toBe('3');
  });

  it('keeps text that a spreadsheet would run as a formula as text', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-1)).toBe('-1');
  });

  it('keeps 20-digit device codes whole in Excel', () => {
    expect(csvField('32061201011320000001')).toBe('"\t32061201011320000001"');
    expect(csvField('12345')).toBe('12345');
  });

  it('starts with a UTF-8 byte order mark and the header, ends lines with CRLF, and reports progress per chunk', async () => {
    const rows = Array.from({ length: 12 }, (_, index) => ({ name: `报警${index}`, count: index }));
    const progress: [number, number][] = [];
    let pauses = 0;
    const parts = await csvParts(rows, [{ title: '名称', value: (row) => row.name }, { title: '次数', value: (row) => row.count }], {
      chunk: 5,
      onProgress: (done, total) => progress.push([done, total]),
      pause: async () => void pauses++,
    });
    expect(parts[0]).toBe(UTF8_BOM);
    expect(parts[1]).toBe(csvLine(['名称', '次数']));
    const text = parts.join('');
    expect(text.split('\r\n')).toHaveLength(14);
    expect(text).toContain('报警11,11\r\n');
    expect(progress).toEqual([[5, 12], [10, 12], [12, 12]]);
    expect(pauses).toBe(2);
    // The bytes Excel sees first.
    expect([...new TextEncoder().encode(text).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
