/**
 * RTSP over one TCP connection, cut into what travels on it (RFC 2326 §10.12):
 * text messages (a request or a response, headers, an optional body of
 * Content-Length bytes) and interleaved binary frames (`$`, channel, length,
 * then RTP or RTCP).
 */
export type RtspPiece =
  | { kind: 'frame'; raw: Buffer }
  | { kind: 'message'; startLine: string; headers: string[]; body: Buffer };

/** Headers longer than this are not RTSP: the connection is dropped rather than buffered without end. */
const MAX_HEAD = 64 * 1024;
const DOLLAR = 0x24;

export class RtspFramer {
  private buffer: Buffer = Buffer.alloc(0);

  /** Appends bytes and returns every whole piece they complete; what remains waits for more. */
  push(chunk: Buffer): RtspPiece[] {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    const pieces: RtspPiece[] = [];
    for (;;) {
      const piece = this.next();
      if (!piece) return pieces;
      pieces.push(piece);
    }
  }

  /** Whatever has arrived and is not a whole piece yet; emptied. */
  drain(): Buffer {
    const rest = this.buffer;
    this.buffer = Buffer.alloc(0);
    return rest;
  }

  private next(): RtspPiece | null {
    const buffer = this.buffer;
    if (!buffer.length) return null;
    if (buffer[0] === DOLLAR) {
      if (buffer.length < 4) return null;
      const end = 4 + buffer.readUInt16BE(2);
      if (buffer.length < end) return null;
      this.buffer = buffer.subarray(end);
      return { kind: 'frame', raw: buffer.subarray(0, end) };
    }
    const headEnd = buffer.indexOf('\r\n\r\n');
    if (headEnd < 0) {
      if (buffer.length > MAX_HEAD) throw new Error(`an RTSP message head longer than ${MAX_HEAD} bytes`);
      return null;
    }
    const [startLine = '', ...headers] = buffer.subarray(0, headEnd).toString('latin1').split('\r\n');
    const length = Number(header(headers, 'content-length') ?? 0);
    if (!Number.isInteger(length) || length < 0) throw new Error(`an RTSP message with Content-Length ${header(headers, 'content-length')}`);
    const end = headEnd + 4 + length;
    if (buffer.length < end) return null;
    this.buffer = buffer.subarray(end);
    return { kind: 'message', startLine, headers, body: buffer.subarray(headEnd + 4, end) };
  }
}

/** A header's value (the first of that name), without its name. */
export function header(headers: string[], name: string): string | undefined {
  const prefix = `${name.toLowerCase()}:`;
  const line = headers.find((candidate) => candidate.toLowerCase().startsWith(prefix));
  return line?.slice(prefix.length).trim();
}

/** A message back on the wire: the start line, headers, blank line, body. */
export function serialize(startLine: string, headers: string[], body: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${[startLine, ...headers].join('\r\n')}\r\n\r\n`, 'latin1'), body]);
}
