/**
 * Fragmented MP4 as ffmpeg writes it for live remux (`-movflags
 * frag_keyframe+empty_moov+default_base_moof`): an init segment (ftyp +
 * moov), then fragments (moof + mdat). The splitter finds the boxes in the
 * byte stream, whatever the chunking; the GOP cache keeps what a new viewer
 * needs to show a picture at once — the init segment and every fragment
 * since the last keyframe — instead of waiting for the next keyframe.
 */

export type Segment = { kind: 'init'; data: Buffer } | { kind: 'fragment'; data: Buffer; keyframe: boolean };

const HEADER = 8;

function boxType(buffer: Buffer, offset: number): string {
  return buffer.toString('latin1', offset + 4, offset + 8);
}

/** Children of a container box's payload, as [type, start, end] in the buffer. */
function* children(buffer: Buffer, start: number, end: number): Generator<[string, number, number]> {
  let offset = start;
  while (offset + HEADER <= end) {
    const size = buffer.readUInt32BE(offset);
    if (size < HEADER || offset + size > end) return;
    yield [boxType(buffer, offset), offset, offset + size];
    offset += size;
  }
}

const NON_SYNC = 0x10000; // sample_is_non_sync_sample in ISO/IEC 14496-12 sample flags

/**
 * Whether a moof's first sample is a sync sample (a keyframe): trun's
 * first_sample_flags, else its per-sample flags, else tfhd's default flags,
 * else the movie's default (trex), which ffmpeg sets to non-sync for video.
 */
export function startsWithKeyframe(moof: Buffer, trexDefault = NON_SYNC): boolean {
  for (const [type, start, end] of children(moof, HEADER, moof.length)) {
    if (type !== 'traf') continue;
    let flags = trexDefault;
    for (const [inner, at] of children(moof, start + HEADER, end)) {
      const boxFlags = moof.readUInt32BE(at + HEADER) & 0xffffff;
      if (inner === 'tfhd') {
        let offset = at + HEADER + 8; // version/flags, track_ID
        if (boxFlags & 0x1) offset += 8; // base_data_offset
        if (boxFlags & 0x2) offset += 4; // sample_description_index
        if (boxFlags & 0x8) offset += 4; // default_sample_duration
        if (boxFlags & 0x10) offset += 4; // default_sample_size
        if (boxFlags & 0x20) flags = moof.readUInt32BE(offset);
      } else if (inner === 'trun') {
        let offset = at + HEADER + 8; // version/flags, sample_count
        if (boxFlags & 0x1) offset += 4; // data_offset
        if (boxFlags & 0x4) return (moof.readUInt32BE(offset) & NON_SYNC) === 0;
        if (boxFlags & 0x400) {
          if (boxFlags & 0x100) offset += 4; // sample_duration
          if (boxFlags & 0x200) offset += 4; // sample_size
          return (moof.readUInt32BE(offset) & NON_SYNC) === 0;
        }
        return (flags & NON_SYNC) === 0;
      }
    }
  }
  return false;
}

/** The trex default sample flags of the (first) track in a moov, which a moof may leave implicit. */
export function trexDefaultFlags(moov: Buffer): number {
  for (const [type, start, end] of children(moov, HEADER, moov.length)) {
    if (type !== 'mvex') continue;
    for (const [inner, at] of children(moov, start + HEADER, end)) {
      // trex: version/flags, track_ID, default_sample_description_index, _duration, _size, _flags
      if (inner === 'trex') return moov.readUInt32BE(at + HEADER + 20);
    }
  }
  return NON_SYNC;
}

/** Splits an fMP4 byte stream into its init segment and fragments. */
export class Fmp4Splitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private init: Buffer[] = [];
  private moof: Buffer | null = null;
  private trexFlags = NON_SYNC;

  constructor(private readonly onSegment: (segment: Segment) => void) {}

  push(chunk: Buffer): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    for (;;) {
      if (this.pendingBytes < HEADER) return;
      const head = this.pending.length === 1 ? this.pending[0]! : (this.pending = [Buffer.concat(this.pending)])[0]!;
      const size = head.readUInt32BE(0);
      if (size < HEADER) throw new Error(`fMP4 stream: box of size ${size} is not valid`);
      if (this.pendingBytes < size) return;
      const box = head.subarray(0, size);
      const rest = head.subarray(size);
      this.pending = rest.length ? [rest] : [];
      this.pendingBytes = rest.length;
      this.box(boxType(box, 0), Buffer.from(box));
    }
  }

  private box(type: string, box: Buffer): void {
    switch (type) {
      case 'ftyp':
        this.init = [box];
        return;
      case 'moov':
        this.trexFlags = trexDefaultFlags(box);
        this.onSegment({ kind: 'init', data: Buffer.concat([...this.init, box]) });
        return;
      case 'moof':
        this.moof = box;
        return;
      case 'mdat':
        if (!this.moof) return;
        this.onSegment({ kind: 'fragment', data: Buffer.concat([this.moof, box]), keyframe: startsWithKeyframe(this.moof, this.trexFlags) });
        this.moof = null;
        return;
      default:
        // styp, sidx, free …: nothing a live viewer needs.
        return;
    }
  }
}

/** The init segment and every fragment since the last keyframe: what a viewer joining now needs. */
export class GopCache {
  private init: Segment | null = null;
  private gop: Segment[] = [];

  add(segment: Segment): void {
    if (segment.kind === 'init') {
      this.init = segment;
      this.gop = [];
    } else if (segment.keyframe) this.gop = [segment];
    else if (this.gop.length) this.gop.push(segment);
  }

  /** Null until the stream has both an init segment and a keyframe. */
  snapshot(): Segment[] | null {
    return this.init && this.gop.length ? [this.init, ...this.gop] : null;
  }

  get bytes(): number {
    return (this.init?.data.length ?? 0) + this.gop.reduce((sum, fragment) => sum + fragment.data.length, 0);
  }
}

const CONTAINERS = ['moov', 'trak', 'mdia', 'minf', 'stbl'];
const VISUAL_SAMPLE_ENTRY = 8 + 78; // box header, then the fixed fields of a VisualSampleEntry

/**
 * The RFC 6381 codec of an init segment's first video track, as MSE's
 * isTypeSupported wants it: `avc1.PPCCLL` from the avcC record, or the
 * sample entry's four letters (hvc1, hev1, …) for anything else.
 */
export function codecOf(init: Buffer): string | null {
  const find = (start: number, end: number, path: string[]): [number, number] | null => {
    for (const [type, from, to] of children(init, start, end)) {
      if (type !== path[0]) continue;
      if (path.length === 1) return [from, to];
      const found = find(from + HEADER, to, path.slice(1));
      if (found) return found;
    }
    return null;
  };
  const stsd = find(0, init.length, [...CONTAINERS, 'stsd']);
  if (!stsd) return null;
  const entry = stsd[0] + HEADER + 8; // version, flags, entry count
  if (entry + VISUAL_SAMPLE_ENTRY > stsd[1]) return null;
  const format = boxType(init, entry);
  if (format !== 'avc1' && format !== 'avc3') return format;
  const entryEnd = entry + init.readUInt32BE(entry);
  for (const [type, from] of children(init, entry + VISUAL_SAMPLE_ENTRY, entryEnd)) {
    if (type === 'avcC') return `${format}.${init.subarray(from + HEADER + 1, from + HEADER + 4).toString('hex').toUpperCase()}`;
  }
  return format;
}
