import zlib from 'node:zlib';

/**
 * A real PNG of one colour (valid chunks and checksums, decodable by any
 * viewer): repair photos and announcement pictures in tests. `padTo` grows
 * it to about that many bytes with incompressible pixels, for size limits.
 */
export function makePng(width: number, height: number, rgb: [number, number, number] = [200, 60, 40], padTo = 0): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, i) => rgb[i % 3]!)]);
  let pixels = Buffer.concat(Array.from({ length: height }, () => row));
  if (padTo) pixels = Buffer.concat([pixels, Buffer.from(Array.from({ length: padTo }, (_, i) => (i * 2654435761) >>> 24))]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(pixels, { level: padTo ? 0 : 6 })), chunk('IEND', Buffer.alloc(0))]);
}
