// A zip read by entry name (yauzl over the file): the central directory once, then any entry as a stream.
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

export interface ZipReader {
  stream(name: string): Promise<Readable>;
  close(): void;
}

export async function openZip(path: string): Promise<ZipReader> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (err, z) => (err ? reject(err) : resolve(z))),
  );
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return {
    stream(name) {
      const entry = entries.get(name);
      if (!entry) return Promise.reject(new Error(`${name} is missing from the archive`));
      return new Promise((resolve, reject) =>
        zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))),
      );
    },
    close: () => zip.close(),
  };
}

export async function readEntry(zip: ZipReader, name: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of await zip.stream(name)) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}
