// Turns raw bytes or text into lines, refusing empty, binary and oversized files with one clear error.
import { MAX_SYLLABUS_BYTES, type SyllabusError } from './types.js';

export type Decoded = { ok: true; lines: string[]; warning?: string } | { ok: false; error: SyllabusError };

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Share of characters that are control characters other than tab, newline, carriage return, form feed. */
function controlShare(s: string): number {
  const sample = s.length > 65536 ? s.slice(0, 65536) : s;
  // eslint-disable-next-line no-control-regex
  if (!/[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufffd]/.test(sample)) return 0;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd || (c >= 0x7f && c < 0xa0))
      bad++;
  }
  return sample.length === 0 ? 0 : bad / sample.length;
}

const binary = (why: string): Decoded => ({
  ok: false,
  error: { code: 'binary', message: `This file is not a Markdown text file (${why}).` },
});

/**
 * Whether bytes that are not UTF-8 read as Windows-1252 text: at most 5% of them above 0x7F, none of the five bytes
 * Windows-1252 leaves undefined, and no run of three or more high bytes (a binary file or another multi-byte encoding).
 */
function looksLikeWindows1252(bytes: Uint8Array): boolean {
  let high = 0;
  let run = 0;
  for (const b of bytes) {
    if (b < 0x80) {
      run = 0;
      continue;
    }
    if (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d) return false;
    high++;
    if (++run >= 3) return false;
  }
  return high <= bytes.length * 0.05;
}

// Windows-1252 at 0x80–0x9F (Node's decoder for this label gives C1 controls there, as Latin-1 does).
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b);
  return out;
}

export function decodeInput(input: string | Uint8Array): Decoded {
  let text: string;
  let legacy = false;
  if (typeof input === 'string') {
    // Each UTF-16 unit is at most 3 UTF-8 bytes: count only when the text could be too large.
    if (input.length * 3 > MAX_SYLLABUS_BYTES && utf8Length(input) > MAX_SYLLABUS_BYTES) return tooLarge();
    text = input;
  } else {
    if (input.byteLength > MAX_SYLLABUS_BYTES) return tooLarge();
    if (input.indexOf(0) >= 0) return binary('it contains NUL bytes');
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      // Saved as Latin-1 / Windows-1252 ("Université", curly quotes from Word): mostly ASCII with a few single high bytes.
      if (!looksLikeWindows1252(input)) return binary('it is not valid UTF-8');
      text = decodeWindows1252(input);
      legacy = true;
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') {
    return { ok: false, error: { code: 'empty', message: 'The syllabus file is empty.' } };
  }
  if (text.includes('\u0000')) return binary('it contains NUL bytes');
  if (controlShare(text) > 0.05) return binary('it is mostly non-text characters');
  const lines = text.split(/\r\n|\r|\n/);
  return legacy
    ? {
        ok: true,
        lines,
        warning:
          'The file is not UTF-8; it was read as Windows-1252 (Latin-1). Save it as UTF-8 to be sure accented letters come out right.',
      }
    : { ok: true, lines };
}

function tooLarge(): Decoded {
  return {
    ok: false,
    error: {
      code: 'too_large',
      message: `The syllabus file is larger than ${MAX_SYLLABUS_BYTES / 1024 / 1024} MB.`,
    },
  };
}
