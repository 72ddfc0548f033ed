import fs from 'node:fs';
import path from 'node:path';
import { REMOVED } from './diagnostics-config';

/** How much of the logs a bundle carries: the newest lines, a little over two full log files. */
export const LOG_BUDGET_BYTES = 20 * 1024 * 1024;

/**
 * The newest LOG_BUDGET_BYTES of the log files, newest file first: older
 * files whole while the budget lasts, then the tail of the next from a line
 * start, so no JSON line arrives cut.
 */
export function logTails(folder: string, budget = LOG_BUDGET_BYTES): { name: string; bytes: Buffer }[] {
  if (!fs.existsSync(folder)) return [];
  const files = fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.log'))
    .map((name) => ({ name, stat: fs.statSync(path.join(folder, name)) }))
    .filter(({ stat }) => stat.isFile())
    // pino-roll numbers its files upwards: newest is the highest number, and the last written.
    .sort((a, b) => b.stat.mtimeMs - a.stat.mtimeMs || b.name.localeCompare(a.name, 'en', { numeric: true }));
  const taken: { name: string; bytes: Buffer }[] = [];
  let left = budget;
  for (const { name, stat } of files) {
    if (left <= 0) break;
    const bytes = tail(path.join(folder, name), stat.size, left);
    taken.push({ name, bytes });
    left -= bytes.length;
  }
  return taken;
}

function tail(file: string, size: number, limit: number): Buffer {
  if (size <= limit) return fs.readFileSync(file);
  const handle = fs.openSync(file, 'r');
  try {
    // One byte more, before the tail: when it ends a line, the tail starts with a whole one.
    const bytes = Buffer.alloc(limit + 1);
    fs.readSync(handle, bytes, 0, limit + 1, size - limit - 1);
    return bytes.subarray(bytes.indexOf(0x0a) + 1);
  } finally {
    fs.closeSync(handle);
  }
}

/** Every known secret form replaced by "[removed]": the logger redacts by field name, and this catches a secret that sat under any other. */
export function scrub(bytes: Buffer, secrets: string[]): Buffer {
  let text = bytes.toString('utf8');
  if (!secrets.some((secret) => text.includes(secret))) return bytes;
  // Longest first: a whole key goes before the lines it is made of.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) text = text.split(secret).join(REMOVED);
  return Buffer.from(text);
}
