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
 * Whether a moof starts a picture a viewer can begin with: the video track's
 * first sample is a sync sample (trun's first_sample_flags, else its
 * per-sample flags, else tfhd's default flags, else the movie's default
 * (trex), which ffmpeg sets to non-sync for video). A fragment of audio alone
 * is never a keyframe, though every audio sample is a sync sample.
 */
export function startsWithKeyframe(moof: Buffer, tracks: InitTracks = { video: null, trexFlags: new Map() }): boolean {
  for (const [type, start, end] of children(moof, HEADER, moof.length)) {
    if (type !== 'traf') continue;
    let flags = NON_SYNC;
    for (const [inner, at] of children(moof, start + HEADER, end)) {
      const boxFlags = moof.readUInt32BE(at + HEADER) & 0xffffff;
      if (inner === 'tfhd') {
        const track = moof.readUInt32BE(at + HEADER + 4);
        // Another track's fragment (audio): look on for the video's.
        if (tracks.video !== null && track !== tracks.video) break;
        flags = tracks.trexFlags.get(track) ?? NON_SYNC;
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

/** What fragments leave implicit and the keyframe test needs: the video track's id, and each track's trex default sample flags. */
export type InitTracks = { video: number | null; trexFlags: Map<number, number> };

type Trak = { id: number; handler: string; stsd: [number, number] | null };

/** The tracks of a moov (or of an init segment): id, handler (vide, soun) and sample description box. */
function traks(init: Buffer): Trak[] {
  const find = (start: number, end: number, path: string[]): [number, number] | null => {
    for (const [type, from, to] of children(init, start, end)) {
      if (type !== path[0]) continue;
      if (path.length === 1) return [from, to];
      const found = find(from + HEADER, to, path.slice(1));
      if (found) return found;
    }
    return null;
  };
  const moov = find(0, init.length, ['moov']) ?? (boxType(init, 0) === 'moov' ? [0, init.length] : null);
  if (!moov) return [];
  const found: Trak[] = [];
  for (const [type, from, to] of children(init, moov[0] + HEADER, moov[1])) {
    if (type !== 'trak') continue;
    const tkhd = find(from + HEADER, to, ['tkhd']);
    const hdlr = find(from + HEADER, to, ['mdia', 'hdlr']);
    if (!tkhd || !hdlr) continue;
    const version = init.readUInt8(tkhd[0] + HEADER);
    found.push({
      id: init.readUInt32BE(tkhd[0] + HEADER + (version === 1 ? 20 : 12)),
      handler: boxType(init, hdlr[0] + HEADER + 4), // version/flags, pre_defined, handler_type
      stsd: find(from + HEADER, to, ['mdia', 'minf', 'stbl', 'stsd']),
    });
  }
  return found;
}

/** The video track and every track's default sample flags, from a moov. */
export function initTracks(moov: Buffer): InitTracks {
  const trexFlags = new Map<number, number>();
  for (const [type, start, end] of children(moov, HEADER, moov.length)) {
    if (type !== 'mvex') continue;
    for (const [inner, at] of children(moov, start + HEADER, end)) {
      // trex: version/flags, track_ID, default_sample_description_index, _duration, _size, _flags
      if (inner === 'trex') trexFlags.set(moov.readUInt32BE(at + HEADER + 4), moov.readUInt32BE(at + HEADER + 20));
    }
  }
  return { video: traks(moov).find((trak) => trak.handler === 'vide')?.id ?? null, trexFlags };
}

/** Splits an fMP4 byte stream into its init segment and fragments. */
export class Fmp4Splitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private init: Buffer[] = [];
  private moof: Buffer | null = null;
  private tracks: InitTracks = { video: null, trexFlags: new Map() };

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
        this.tracks = initTracks(box);
        this.onSegment({ kind: 'init', data: Buffer.concat([...this.init, box]) });
        return;
      case 'moof':
        this.moof = box;
        return;
      case 'mdat':
        if (!this.moof) return;
        this.onSegment({ kind: 'fragment', data: Buffer.concat([this.moof, box]), keyframe: startsWithKeyframe(this.moof, this.tracks) });
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

const VISUAL_SAMPLE_ENTRY = 8 + 78; // box header, then the fixed fields of a VisualSampleEntry

/**
 * The RFC 6381 codecs of an init segment, as MSE's isTypeSupported wants
 * them: the video's `avc1.PPCCLL` from its avcC record, or the sample
 * entry's four letters (hvc1, hev1, …) for anything else; then `mp4a.40.2`
 * for the AAC-LC the gateway encodes audio to, when the stream has sound.
 */
export function codecOf(init: Buffer): string | null {
  const codecs = traks(init).flatMap(({ handler, stsd }) => {
    if (!stsd) return [];
    const entry = stsd[0] + HEADER + 8; // version, flags, entry count
    if (entry + HEADER > stsd[1]) return [];
    const format = boxType(init, entry);
    if (handler === 'soun') return format === 'mp4a' ? ['mp4a.40.2'] : [format];
    if (handler !== 'vide' || entry + VISUAL_SAMPLE_ENTRY > stsd[1]) return [];
    if (format !== 'avc1' && format !== 'avc3') return [format];
    const entryEnd = entry + init.readUInt32BE(entry);
    for (const [type, from] of children(init, entry + VISUAL_SAMPLE_ENTRY, entryEnd)) {
      if (type === 'avcC') return [`${format}.${init.subarray(from + HEADER + 1, from + HEADER + 4).toString('hex').toUpperCase()}`];
    }
    return [format];
  });
  return codecs.length ? codecs.join(',') : null;
}
