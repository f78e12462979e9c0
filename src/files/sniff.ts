// File types told by content, not by name, and file names made safe to store and show.

import type { FileType } from '../domain/deliverables.js';
import { looksLikePdf } from './pdf.js';
import { listZip } from './zip.js';

/** What the bytes are. 'text' is valid UTF-8 without NULs or stray control characters. */
export type SniffedType =
  'empty' | 'pdf' | 'pptx' | 'docx' | 'xlsx' | 'zip' | 'text' | 'executable' | 'unknown';

function startsWith(content: Uint8Array, bytes: readonly number[]): boolean {
  return content.length >= bytes.length && bytes.every((b, i) => content[i] === b);
}

const EXECUTABLE_MAGICS: readonly (readonly number[])[] = [
  [0x4d, 0x5a], // MZ: Windows PE
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe], // Mach-O
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O universal / Java class
];

/** Valid UTF-8, no NUL, and no control characters other than tab, newlines, form feed. */
export function isText(content: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/** The type of a file judged by its bytes. Office files are zips told apart by their parts. */
export async function sniffType(content: Uint8Array): Promise<SniffedType> {
  if (content.length === 0) return 'empty';
  if (looksLikePdf(content)) return 'pdf';
  if (startsWith(content, [0x50, 0x4b, 0x03, 0x04]) || startsWith(content, [0x50, 0x4b, 0x05, 0x06])) {
    try {
      const listing = await listZip(Buffer.from(content.buffer, content.byteOffset, content.byteLength));
      const names = listing.entries.map((e) => e.name);
      const office = names.includes('[Content_Types].xml');
      if (office && names.some((n) => n.startsWith('ppt/'))) return 'pptx';
      if (office && names.some((n) => n.startsWith('word/'))) return 'docx';
      if (office && names.some((n) => n.startsWith('xl/'))) return 'xlsx';
      return 'zip';
    } catch {
      return 'unknown';
    }
  }
  if (EXECUTABLE_MAGICS.some((m) => startsWith(content, m))) return 'executable';
  if (isText(content)) return 'text';
  return 'unknown';
}

const EXTENSION_TYPES: Readonly<Record<string, FileType>> = {
  pdf: 'pdf',
  pptx: 'pptx',
  docx: 'docx',
  zip: 'zip',
  md: 'md',
  markdown: 'md',
  txt: 'txt',
};

/** Lower-case extension without the dot, or '' when there is none. */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

export type UploadRejection =
  'empty' | 'too-large' | 'unknown-type' | 'extension-mismatch' | 'type-not-allowed';

export type UploadCheck =
  | { ok: true; type: FileType; name: string }
  | { ok: false; reason: UploadRejection; detected: SniffedType; message: string };

/**
 * Checks an upload against a deliverable's accepted types: by content first, then the name's
 * extension must agree with the content (an .exe renamed .pdf, or a text file named .pdf, is
 * refused). A name without a known extension gets the one its content calls for.
 */
export async function checkUpload(input: {
  content: Uint8Array;
  fileName: string;
  allowed: readonly FileType[];
  maxBytes?: number;
}): Promise<UploadCheck> {
  const name = sanitizeFileName(input.fileName);
  if (input.content.length === 0) return refuse('empty', 'empty', 'The file is empty.');
  if (input.maxBytes !== undefined && input.content.length > input.maxBytes) {
    return refuse('too-large', 'unknown', `The file is larger than ${input.maxBytes} bytes.`);
  }
  const detected = await sniffType(input.content);
  const ext = extensionOf(name);
  const claimed = EXTENSION_TYPES[ext] ?? null;
  let type: FileType | null;
  switch (detected) {
    case 'pdf':
    case 'pptx':
    case 'docx':
      // Office files are zips: named .zip, they are handed in as a zip.
      type = claimed === 'zip' ? 'zip' : detected;
      break;
    case 'zip':
      type = 'zip';
      break;
    case 'text':
      type = claimed === 'md' || claimed === 'txt' ? claimed : input.allowed.includes('md') ? 'md' : 'txt';
      break;
    default:
      type = null;
  }
  if (type === null) {
    return refuse(
      'unknown-type',
      detected,
      `The file's content (${detected}) is not a type this deliverable accepts (${input.allowed.join(', ')}).`,
    );
  }
  if (claimed !== null && claimed !== type) {
    return refuse(
      'extension-mismatch',
      detected,
      `The file is named .${ext} but its content is ${detected}.`,
    );
  }
  if (!input.allowed.includes(type)) {
    return refuse(
      'type-not-allowed',
      detected,
      `A ${type} file is not accepted here; accepted: ${input.allowed.join(', ')}.`,
    );
  }
  return { ok: true, type, name: claimed === null ? `${name}.${type}` : name };
}

function refuse(reason: UploadRejection, detected: SniffedType, message: string): UploadCheck {
  return { ok: false, reason, detected, message };
}

// Bidirectional overrides and isolates (an "invoice\u202Efdp.exe" shows as "invoiceexe.pdf"),
// marks, zero-width characters and the byte-order mark.
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const FORBIDDEN = /[<>:"|?*]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
const MAX_NAME_BYTES = 255;

/**
 * A file name safe to store, show and send back in Content-Disposition: the last path
 * segment only (no traversal), no control or invisible direction characters, no characters
 * Windows forbids, no leading/trailing dots or spaces, not a reserved device name (CON, NUL,
 * COM1 …, with any extension), at most 255 UTF-8 bytes with the extension kept. Never empty.
 */
export function sanitizeFileName(input: string, maxBytes = MAX_NAME_BYTES): string {
  let name = String(input).normalize('NFC').replace(CONTROL, '').replace(INVISIBLE, '');
  name = name.replace(/\\/g, '/');
  name = name.slice(name.lastIndexOf('/') + 1);
  name = name.replace(FORBIDDEN, '_').replace(/\s+/g, ' ');
  name = name.replace(/^[\s.]+|[\s.]+$/g, '');
  if (name === '') name = 'file';
  const stem = name.split('.')[0] ?? '';
  if (RESERVED.test(stem.trim())) name = `_${name}`;
  return truncateName(name, maxBytes);
}

function truncateName(name: string, maxBytes: number): string {
  const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
  if (bytes(name) <= maxBytes) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  let stem = ext ? name.slice(0, dot) : name;
  // Cut whole code points until it fits.
  const points = Array.from(stem);
  while (points.length > 0 && bytes(points.join('') + ext) > maxBytes) points.pop();
  stem = points.join('').replace(/[\s.]+$/, '');
  return `${stem || 'file'}${ext}`;
}
