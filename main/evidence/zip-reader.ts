import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

/** A zip opened for reading: its entries by name, each read as a stream or, when small, whole. */
export type ZipReader = {
  readonly names: string[];
  has(name: string): boolean;
  stream(name: string): Promise<Readable>;
  /** Reads an entry whole, refusing one larger than `limit` bytes (a package's texts, never its clips). */
  read(name: string, limit: number): Promise<Buffer>;
  close(): void;
};

export async function openZip(file: string): Promise<ZipReader> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: true }, (error, opened) => (error ? reject(error) : resolve(opened))),
  );
  const entries = new Map<string, yauzl.Entry>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entries.has(entry.fileName)) return reject(new Error(`${entry.fileName} is in the zip twice`));
        entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.once('end', resolve);
      zip.once('error', reject);
      zip.readEntry();
    });
  } catch (error) {
    zip.close();
    throw error;
  }
  const entry = (name: string) => {
    const found = entries.get(name);
    if (!found) throw new Error(`${name} is not in the zip`);
    return found;
  };
  const stream = (name: string) =>
    new Promise<Readable>((resolve, reject) => zip.openReadStream(entry(name), (error, readable) => (error ? reject(error) : resolve(readable))));
  return {
    names: [...entries.keys()],
    has: (name) => entries.has(name),
    stream,
    async read(name, limit) {
      if (entry(name).uncompressedSize > limit) throw new Error(`${name} is larger than ${limit} bytes`);
      const chunks: Buffer[] = [];
      for await (const chunk of await stream(name)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    close: () => zip.close(),
  };
}
