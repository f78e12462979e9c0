// One check of an uploaded file against a deliverable's file rules: type, size, archive safety, README, pages.

import type { FileRules, FileType } from '../domain/deliverables.js';
import { checkPageLimit, pdfPageCount } from './pdf.js';
import { checkUpload, type UploadRejection } from './sniff.js';
import { ZipError, listZip, readmeAtRoot, type ZipLimits } from './zip.js';

export type InspectionFailure =
  | UploadRejection
  | 'not-a-zip'
  | 'zip-bomb'
  | 'unsafe-archive'
  | 'missing-readme'
  | 'broken-pdf'
  | 'encrypted-pdf'
  | 'too-many-pages';

export type UploadInspection =
  | {
      ok: true;
      type: FileType;
      /** Sanitized file name to store and offer for download. */
      name: string;
      bytes: number;
      /** Pages of a PDF, else null. */
      pages: number | null;
      /** Path of the README found in a zip, else null. */
      readme: string | null;
      /** Accepted, but worth telling the group and staff (a report over its page limit). */
      warnings: string[];
    }
  | { ok: false; code: InspectionFailure; message: string };

/**
 * Everything a service checks before it stores an upload, without unpacking anything: the
 * type by content and the name's extension, the size, for zip-based files (zip, pptx, docx)
 * the archive's declared sizes and entry names, for code the README at its root, for PDFs
 * that they open and how many pages they have.
 */
export async function inspectUpload(
  content: Uint8Array,
  fileName: string,
  rules: FileRules,
  zipLimits: Partial<ZipLimits> = {},
): Promise<UploadInspection> {
  const checked = await checkUpload({ content, fileName, allowed: rules.types, maxBytes: rules.maxBytes });
  if (!checked.ok) return { ok: false, code: checked.reason, message: checked.message };
  const warnings: string[] = [];
  let pages: number | null = null;
  let readme: string | null = null;

  if (checked.type === 'zip' || checked.type === 'pptx' || checked.type === 'docx') {
    let listing;
    try {
      listing = await listZip(Buffer.from(content.buffer, content.byteOffset, content.byteLength), zipLimits);
    } catch (err) {
      if (err instanceof ZipError)
        return {
          ok: false,
          code: 'not-a-zip',
          message: 'The archive could not be read; create it again and re-upload.',
        };
      throw err;
    }
    if (listing.bomb) {
      return {
        ok: false,
        code: 'zip-bomb',
        message:
          'The archive declares far more data than it holds (too many entries, too large, or compressed too well) and was refused.',
      };
    }
    const unsafe = listing.problems.find((p) => p.code === 'unsafe-path' || p.code === 'symlink');
    if (unsafe && 'entry' in unsafe) {
      return {
        ok: false,
        code: 'unsafe-archive',
        message: `The archive holds an entry that would escape its folder (${unsafe.entry}); remove it and re-upload.`,
      };
    }
    if (listing.problems.some((p) => p.code === 'encrypted'))
      warnings.push('Some files in the archive are password-protected; staff may not be able to open them.');
    if (checked.type === 'zip' && rules.requireReadmeAtRoot) {
      const found = readmeAtRoot(listing.entries);
      if (!found.found) {
        return {
          ok: false,
          code: 'missing-readme',
          message:
            'The zip must hold a README (README, README.md or README.txt) at its root with step-by-step build and run instructions.',
        };
      }
      readme = found.path;
    }
  }

  if (checked.type === 'pdf') {
    const counted = await pdfPageCount(content);
    if (!counted.ok)
      return {
        ok: false,
        code: counted.code === 'encrypted' ? 'encrypted-pdf' : 'broken-pdf',
        message: counted.message,
      };
    pages = counted.pages;
    const limit = checkPageLimit(counted.pages, rules.maxPages, rules.pageLimit ?? 'warn');
    if (!limit.ok) return { ok: false, code: 'too-many-pages', message: limit.warning ?? 'Too many pages.' };
    if (limit.warning) warnings.push(limit.warning);
  }

  return { ok: true, type: checked.type, name: checked.name, bytes: content.length, pages, readme, warnings };
}
