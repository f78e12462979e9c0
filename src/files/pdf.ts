// PDF page counting with pdf-lib, turning broken or encrypted files into a clear error.

import { plural } from '../contracts/words.js';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { constants, inflateSync } from 'node:zlib';

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

/** Longest a PDF may take to parse, in ms (a damaged or crafted file can keep the parser busy for minutes); tests lower it. */
export const pdfLimits = { parseMs: 30_000 };
/** PDFs parsed at once; more wait their turn (each parse has a thread and up to 512 MB of its own). */
const PDF_PARALLEL = 2;

type Parsed =
  { kind: 'pages'; pages: number } | { kind: 'encrypted' } | { kind: 'broken' } | { kind: 'too-slow' };

const PDF_LIB = createRequire(import.meta.url).resolve('pdf-lib');
// Runs in worker threads kept for the next PDF: the event loop keeps serving while a PDF is parsed, and a parse that
// runs too long or takes too much memory ends that worker without harm to the server. (CommonJS source, so that it
// needs no TypeScript loader.)
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
console.warn = () => {};
console.log = () => {};
const { PDFDocument } = require(workerData.pdfLib);
parentPort.on('message', (bytes) => {
  PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false }).then(
    (doc) => {
      let pages = -1;
      try { pages = doc.getPageCount(); } catch {}
      parentPort.postMessage(pages >= 0 ? { kind: 'pages', pages } : { kind: 'broken' });
    },
    (err) => {
      const name = (err && err.constructor && err.constructor.name) || '';
      const encrypted = name === 'EncryptedPDFError' || /encrypt/i.test(String(err && err.message));
      parentPort.postMessage({ kind: encrypted ? 'encrypted' : 'broken' });
    },
  );
});`;

/** Idle workers, ready for the next PDF (at most PDF_PARALLEL exist; a worker that failed or ran too long is ended). */
const idle: Worker[] = [];
let running = 0;
const waiting: Array<() => void> = [];

function newWorker(): Worker {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { pdfLib: PDF_LIB },
    resourceLimits: { maxOldGenerationSizeMb: 512 },
    stdout: true,
    stderr: true,
  });
  // A worker that ends while idle is not handed the next PDF.
  worker.once('exit', () => {
    const at = idle.indexOf(worker);
    if (at >= 0) idle.splice(at, 1);
  });
  return worker;
}

async function parseInWorker(content: Uint8Array): Promise<Parsed> {
  if (running >= PDF_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  const worker = idle.pop() ?? newWorker();
  worker.ref();
  let keep = false;
  try {
    return await new Promise<Parsed>((resolve) => {
      let settled = false;
      const settle = (result: Parsed, healthy: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onFailure);
        worker.off('exit', onFailure);
        keep = healthy;
        resolve(result);
      };
      const onMessage = (message: Parsed) => settle(message, true);
      const onFailure = () => settle({ kind: 'broken' }, false);
      const timer = setTimeout(() => settle({ kind: 'too-slow' }, false), pdfLimits.parseMs);
      worker.on('message', onMessage);
      worker.on('error', onFailure);
      worker.on('exit', onFailure);
      worker.postMessage(content);
    });
  } finally {
    if (keep) {
      // An idle worker does not keep the process alive.
      worker.unref();
      idle.push(worker);
    } else void worker.terminate();
    running--;
    waiting.shift()?.();
  }
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
    return {
      ok: false,
      code: 'broken',
      message:
        'The PDF unpacks to far more data than it holds and was refused. Export it again and re-upload.',
    };
  const parsed = await parseInWorker(content);
  if (parsed.kind === 'encrypted')
    return {
      ok: false,
      code: 'encrypted',
      message: 'The PDF is encrypted; hand in a PDF without a password.',
    };
  if (parsed.kind === 'too-slow')
    return {
      ok: false,
      code: 'broken',
      message: 'The PDF took too long to read (it may be damaged). Export it again and re-upload.',
    };
  if (parsed.kind !== 'pages') return { ok: false, code: 'broken', message: BROKEN };
  const pages = parsed.pages;
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
      total += inflateSync(data, {
        maxOutputLength: MAX_PACKED_OBJECT_BYTES - total + 1,
        finishFlush: constants.Z_SYNC_FLUSH,
      }).length;
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
  const warning = `The PDF has ${plural(pages, 'page')}; the limit is ${plural(maxPages, 'page')} plus references.`;
  return { ok: mode === 'warn', warning };
}
