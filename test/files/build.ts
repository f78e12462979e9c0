// Test builders: real PDFs made with pdf-lib and real zips made with yazl, in memory.

import { PDFDocument } from 'pdf-lib';
import yazl from 'yazl';

export async function makePdf(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++)
    doc.addPage([612, 792]).drawText(`Page ${i + 1}`, { x: 72, y: 720, size: 12 });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

export interface ZipItem {
  name: string;
  data?: Buffer | string;
  directory?: boolean;
  mode?: number;
  store?: boolean;
}

export async function makeZip(items: readonly ZipItem[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const item of items) {
    if (item.directory) zip.addEmptyDirectory(item.name);
    else {
      const data = typeof item.data === 'string' ? Buffer.from(item.data) : (item.data ?? Buffer.alloc(0));
      zip.addBuffer(data, item.name, {
        compress: !item.store,
        ...(item.mode === undefined ? {} : { mode: item.mode }),
      });
    }
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Replaces every occurrence of a same-length byte string (to forge names yazl refuses to write). */
export function patchBytes(buffer: Buffer, from: string, to: string): Buffer {
  if (from.length !== to.length) throw new Error('patch must keep the length');
  const out = Buffer.from(buffer);
  const needle = Buffer.from(from);
  for (let at = out.indexOf(needle); at !== -1; at = out.indexOf(needle, at + 1)) out.write(to, at, 'latin1');
  return out;
}
