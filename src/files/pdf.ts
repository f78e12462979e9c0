// PDF page counting with pdf-lib, turning broken or encrypted files into a clear error.

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
