import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { z } from 'zod';
import type { DataClass } from '../contract';
import { rowSchema, type OpenDataKind } from '../site-link/interface/open-data';
import type { Database } from '../store/database';
import { VERSION } from '../version';
import { csvLine, UTF8_BOM } from './csv';
import { openDataReader, type OpenFilter } from './query';
import { rowShaper, type PersonalMode } from './rows';

export type OpenDataRequest = {
  kind: OpenDataKind;
  format: 'csv' | 'jsonl';
  filter: OpenFilter;
  classes: readonly DataClass[];
  personal: PersonalMode;
  who: { user: string; role: string };
  site: string;
  station: string;
};
export type OpenDataFile = { path: string; sha256: string; size: number };
export type OpenDataResult = { file: string; size: number; rows: number; personal: 'masked' | 'full' | 'absent'; manifestSha256: string; files: OpenDataFile[] };
export type WriteOptions = { onProgress?: (done: number, total: number) => void; signal?: AbortSignal; pageSize?: number; now?: () => number };

export class ExportCancelled extends Error {
  constructor() {
    super('the export was cancelled; no file was kept');
  }
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes an open-data export: one zip with the rows (data.csv, UTF-8 with a
 * byte order mark and a header, or data.jsonl), schema.json (the row's JSON
 * Schema, every field with its x-data-class) and manifest.json (who, what,
 * the range, rows, masked or not, and the SHA-256 of each file). Rows are
 * read a page at a time and streamed to disk, so memory stays flat however
 * many there are; the zip is written aside and renamed, so a failed or
 * cancelled export leaves nothing behind.
 */
export async function writeOpenData(db: Database, request: OpenDataRequest, file: string, options: WriteOptions = {}): Promise<OpenDataResult> {
  const now = options.now ?? Date.now;
  const reader = openDataReader(db, request.kind, request.filter, options.pageSize);
  const shaper = rowShaper(request.kind, request.classes, request.personal);
  const names = shaper.fields.map((field) => field.name);
  const dataName = request.format === 'csv' ? 'data.csv' : 'data.jsonl';
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const dataPart = `${file}.data.partial`;
  const zipPart = `${file}.partial`;
  let opened: fs.WriteStream | null = null;
  try {
    const total = reader.count();
    const out = fs.createWriteStream(dataPart);
    opened = out;
    const hash = createHash('sha256');
    let size = 0;
    const write = async (text: string) => {
      const bytes = Buffer.from(text);
      hash.update(bytes);
      size += bytes.length;
      if (!out.write(bytes)) await once(out, 'drain');
    };
    if (request.format === 'csv') await write(UTF8_BOM + csvLine(names));
    let rows = 0;
    for (let cursor = reader.start; ; ) {
      if (options.signal?.aborted) throw new ExportCancelled();
      const page = reader.page(cursor);
      if (!page.rows.length) break;
      let text = '';
      for (const row of page.rows) {
        const shaped = shaper.shape(row);
        text += request.format === 'csv' ? csvLine(names.map((name) => shaped[name])) : `${JSON.stringify(shaped)}\n`;
      }
      await write(text);
      rows += page.rows.length;
      cursor = page.next;
      // Rows that arrived in the range since the count make it larger, never a bar past 100 %.
      options.onProgress?.(rows, Math.max(total, rows));
      await nextTurn();
    }
    out.end();
    await once(out, 'finish');

    const schema = Buffer.from(JSON.stringify(schemaOf(request, names), null, 2));
    const files: OpenDataFile[] = [
      { path: dataName, sha256: hash.digest('hex'), size },
      { path: 'schema.json', sha256: sha256(schema), size: schema.length },
    ];
    const personal = request.classes.includes('personal') ? request.personal : 'absent';
    const manifest = Buffer.from(
      JSON.stringify(
        {
          format: 'vigil-open-data/1',
          kind: request.kind,
          dataFormat: request.format,
          site: request.site,
          station: request.station,
          vigilVersion: VERSION,
          exportedAt: now(),
          exportedBy: request.who,
          range: { from: request.filter.from, to: request.filter.to },
          filters: { area: request.filter.area ?? null, types: request.filter.types ?? [] },
          classes: request.classes,
          personal,
          rows,
          files,
        },
        null,
        2,
      ),
    );
    const zip = new yazl.ZipFile();
    zip.addFile(dataPart, dataName);
    zip.addBuffer(schema, 'schema.json');
    zip.addBuffer(manifest, 'manifest.json');
    zip.end();
    await pipeline(zip.outputStream, fs.createWriteStream(zipPart));
    fs.renameSync(zipPart, file);
    return { file, size: fs.statSync(file).size, rows, personal, manifestSha256: sha256(manifest), files };
  } finally {
    // A cancelled export's stream may not even have opened its file yet: closed first, or it would come back after the removal.
    if (opened && !opened.closed) {
      const closed = once(opened, 'close');
      opened.destroy();
      await closed;
    }
    fs.rmSync(dataPart, { force: true });
    fs.rmSync(zipPart, { force: true });
  }
}

/** The row's JSON Schema, from the same zod fields the interface publishes; for CSV, the columns in order. */
function schemaOf(request: OpenDataRequest, names: string[]) {
  const { $schema, ...schema } = z.toJSONSchema(rowSchema(request.kind, request.classes), { target: 'draft-07', io: 'output' }) as Record<string, unknown>;
  return {
    $schema,
    title: `Vigil open data: ${request.kind}`,
    description:
      request.format === 'csv'
        ? 'One row of data.csv (UTF-8 with BOM, RFC 4180, a header of the field names; an empty field is null; text starting with = + - @ has a leading \' so spreadsheets keep it text).'
        : 'One line of data.jsonl.',
    ...schema,
    'x-columns': names,
    'x-personal': request.classes.includes('personal') ? request.personal : 'absent',
  };
}
