// PDF page counting with pdf-lib, turning broken or encrypted files into a clear error.

import { constants, inflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';

export type PdfPages =
  { ok: true; pages: number } | { ok: false; code: 'not-a-pdf' | 'encrypted' | 'broken'; message: string };

/**
 * Whether the bytes start like a PDF: "%PDF-" at offset 0. (Readers tolerate junk before it,
 * but a file that needs that tolerance is as likely a polyglot, so it is not accepted.)
 */
export function looksLikePdf(content: Uint8Array): boolean {
  const magic = [0x25, 0x50, 0x44, 0x46, 0x2d];
  return content.length >= magic.length && magic.every((b, i) => content[i] === b);
}

// The parser's own message ("Cannot read properties of undefined") helps nobody uploading a file.
const BROKEN = 'The PDF could not be read (it may be damaged or cut short). Export it again and re-upload.';

/**
 * The number of pages, or why it cannot be told. Parsing is lenient (invalid objects are
 * skipped, as viewers do); a file whose page tree still cannot be found is 'broken'.
 */
export async function pdfPageCount(content: Uint8Array): Promise<PdfPages> {
  if (!looksLikePdf(content))
    return { ok: false, code: 'not-a-pdf', message: 'The file is not a PDF (no %PDF- header).' };
  if (packedObjectBytes(content) > MAX_PACKED_OBJECT_BYTES)
    return { ok: false, code: 'broken', message: 'The PDF unpacks to far more data than it holds and was refused. Export it again and re-upload.' };
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(content, { updateMetadata: false, throwOnInvalidObject: false });
  } catch (err) {
    const name = (err as Error).constructor?.name ?? '';
    if (name === 'EncryptedPDFError' || /encrypt/i.test((err as Error).message)) {
      return {
        ok: false,
        code: 'encrypted',
        message: 'The PDF is encrypted; hand in a PDF without a password.',
      };
    }
    return { ok: false, code: 'broken', message: BROKEN };
  }
  let pages: number;
  try {
    pages = doc.getPageCount();
  } catch {
    return { ok: false, code: 'broken', message: BROKEN };
  }
  if (pages < 1)
    return {
      ok: false,
      code: 'broken',
      message: 'The PDF has no readable pages. Export it again and re-upload.',
    };
  return { ok: true, pages };
}

/** Most bytes the object and cross-reference streams of one PDF may inflate to (a 100-page thesis needs a few MB). */
export const MAX_PACKED_OBJECT_BYTES = 64 * 1024 * 1024;

/**
 * What the Flate-compressed object and cross-reference streams inflate to, counted with a cap
 * (past MAX_PACKED_OBJECT_BYTES it stops): the parser inflates these whole on load, so a 1 MB file
 * whose object stream holds 1 GB of zeros would otherwise take a gigabyte and many seconds.
 */
export function packedObjectBytes(content: Uint8Array): number {
  const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  const text = bytes.toString('latin1');
  const streamWord = /stream\r?\n/g;
  let total = 0;
  for (let m = streamWord.exec(text); m !== null; m = streamWord.exec(text)) {
    if (text.slice(Math.max(0, m.index - 3), m.index) === 'end') continue;
    // The stream's dictionary: back to its "n 0 obj", looked for in the 1 KB before (a bounded scan per stream).
    const before = text.slice(Math.max(0, m.index - 1024), m.index);
    const dict = before.slice(Math.max(0, before.lastIndexOf(' obj')));
    if (!/\/Type\s*\/(ObjStm|XRef)\b/.test(dict) || !/\/FlateDecode|\/Fl\b/.test(dict)) continue;
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    const data = bytes.subarray(start, end === -1 ? bytes.length : end);
    try {
      total += inflateSync(data, { maxOutputLength: MAX_PACKED_OBJECT_BYTES - total + 1, finishFlush: constants.Z_SYNC_FLUSH }).length;
    } catch (err) {
      // Past the cap: refused. Other inflate errors are left to the parser, which is lenient with damaged streams.
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return MAX_PACKED_OBJECT_BYTES + 1;
    }
    if (total > MAX_PACKED_OBJECT_BYTES) return total;
    streamWord.lastIndex = end === -1 ? text.length : end;
  }
  return total;
}

export interface PageLimitCheck {
  /** false only when the limit rejects. */
  ok: boolean;
  warning: string | null;
}

/**
 * A page limit such as "8 pages plus references". References cannot be told apart by
 * counting, so by default exceeding the limit warns (staff and the group see it) and does not refuse.
 */
export function checkPageLimit(
  pages: number,
  maxPages: number | undefined,
  mode: 'warn' | 'reject' = 'warn',
): PageLimitCheck {
  if (maxPages === undefined || pages <= maxPages) return { ok: true, warning: null };
  const warning = `The PDF has ${pages} pages; the limit is ${maxPages} pages plus references.`;
  return { ok: mode === 'warn', warning };
}
