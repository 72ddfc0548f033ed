import { ContractError } from '../contract';
import type { Image, ImageRef } from '../contract/images';
import type { Outbox } from '../outbox/outbox';
import type { ChannelPayload } from '../site-link/interface/topics';
import { topicOf } from '../site-link/interface/topics';
import type { Database } from '../store/database';
import { checkImage } from './check';

type Row = { hash: string; type: ImageRef['type']; width: number; height: number; size: number; bytes: Buffer; at: number };

/**
 * The site's images by the SHA-256 of their bytes. An image taken here (a
 * technician's photo, an announcement's picture) is stored and published
 * retained on images/{hash}; one from the site (a resident's photo) or
 * another station is checked against its name and kept. Records refer to
 * images by hash only, so a record never waits for its pictures.
 */
export class ImageStore {
  private readonly insert;
  private readonly select;
  private readonly selectRef;

  constructor(
    db: Database,
    private readonly outbox: Outbox,
    private readonly site: string,
  ) {
    this.insert = db.prepare('INSERT OR IGNORE INTO images (hash, type, width, height, size, bytes, at) VALUES (@hash, @type, @width, @height, @size, @bytes, @at)');
    this.select = db.prepare<[string], Row>('SELECT * FROM images WHERE hash = ?');
    this.selectRef = db.prepare<[string], Omit<Row, 'bytes'>>('SELECT hash, type, width, height, size, at FROM images WHERE hash = ?');
  }

  /** Stores and shares an image taken at this station; refused with the reason when it is not a usable image. Inside a transaction. */
  put(bytes: Uint8Array, at = Date.now()): ImageRef {
    const checked = checkImage(bytes);
    if (!checked.ok) throw new ContractError('invalid_input', checked.reason);
    if (this.store(checked.image, bytes, at)) {
      const payload: ChannelPayload<'image'> = { data: Buffer.from(bytes).toString('base64'), ts: at };
      this.outbox.add({ id: `image-${checked.image.hash}`, topic: topicOf('image', { site: this.site, image: checked.image.hash }), payload: JSON.stringify(payload), qos: 1, retain: true });
    }
    return checked.image;
  }

  /** An image from the site link; why it was refused, or null. Inside the ingest's transaction. */
  receive(hash: string, payload: ChannelPayload<'image'>): string | null {
    const bytes = Buffer.from(payload.data, 'base64');
    const checked = checkImage(bytes);
    if (!checked.ok) return checked.reason;
    if (checked.image.hash !== hash) return `image: its bytes hash to ${checked.image.hash}, not ${hash}`;
    this.store(checked.image, bytes, payload.ts);
    return null;
  }

  get(hash: string): Image | null {
    const row = this.select.get(hash);
    return row ? { hash: row.hash, type: row.type, width: row.width, height: row.height, size: row.size, data: row.bytes.toString('base64') } : null;
  }

  /** What is known of an image without its bytes; null until it has arrived. */
  ref(hash: string): ImageRef | null {
    const row = this.selectRef.get(hash);
    return row ? { hash: row.hash, type: row.type, width: row.width, height: row.height, size: row.size } : null;
  }

  private store(image: ImageRef, bytes: Uint8Array, at: number): boolean {
    return this.insert.run({ ...image, bytes: Buffer.from(bytes), at }).changes > 0;
  }
}
