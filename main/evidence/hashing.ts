import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Readable } from 'node:stream';

export const sha256 = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** SHA-256 and size of a stream, read through: a clip never sits in memory whole. */
export function hashStream(stream: Readable): Promise<{ sha256: string; size: number }> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      size += chunk.length;
    });
    stream.once('error', reject);
    stream.once('end', () => resolve({ sha256: hash.digest('hex'), size }));
  });
}

export const hashFile = (file: string) => hashStream(fs.createReadStream(file));

/**
 * One JSON line per entry, and each line's SHA-256 by the entry's id: the
 * manifest holds these, so a verifier names the entry that changed.
 */
export function jsonLines<T extends { id: string | number }>(entries: T[]): { text: string; hashes: Record<string, string> } {
  const hashes: Record<string, string> = {};
  const lines = entries.map((entry) => {
    const line = JSON.stringify(entry);
    const id = String(entry.id);
    if (id in hashes) throw new Error(`entry id ${id} appears twice; each entry needs its own id`);
    hashes[id] = sha256(line);
    return line;
  });
  return { text: lines.length ? `${lines.join('\n')}\n` : '', hashes };
}
