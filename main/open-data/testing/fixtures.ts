import type { Core } from '../../core';
import { openZip } from '../../evidence/zip-reader';

export const DOOR = '32061201011400000001';
export const T0 = 1_795_000_000_000;
export const PASSWORD = 'Open-Data-2026';

/** Persons as access controllers send them: Chinese names, card numbers, and text that tests a CSV writer (comma, quote, line break, formula). */
export const PERSONS = ['张三丰', '卡号 12345678', '李雷, "韩梅梅"\n访客', '=HYPERLINK("x")', 'John Smith 0012345678', '王小明'];

/** A door in the North area, and an access event per person, a second apart; returns the events' ids. */
export function seedAccessEvents(core: Core, at = T0): string[] {
  core.registry.applyInfo({ code: DOOR, name: '北门, 1 号门禁', area: 'North', building: 'A 栋', floor: '1F', vendor: 'ZKTeco', model: 'inBio', streams: [], at: 1 });
  const insert = core.db.prepare('INSERT INTO device_events (id, code, type, severity, at, received_at, zone, person, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)');
  return PERSONS.map((person, n) => {
    const id = `evt-open-${String(n).padStart(6, '0')}`;
    insert.run(id, DOOR, n % 2 ? 'access_denied' : 'access_granted', n % 2 ? 'minor' : 'info', at + n * 1000, at, `大堂 ${n}`, person);
    return id;
  });
}

/** The files of an export, by name. */
export async function readExport(file: string): Promise<Record<string, string>> {
  const zip = await openZip(file);
  try {
    return Object.fromEntries(await Promise.all(zip.names.map(async (name) => [name, (await zip.read(name, 64 * 1024 * 1024)).toString('utf8')] as const)));
  } finally {
    zip.close();
  }
}

/** RFC 4180, as a spreadsheet or pandas reads it: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') endField();
    else if (char === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += char;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}
