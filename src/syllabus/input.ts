// Turns raw bytes or text into lines, refusing empty, binary and oversized files with one clear error.
import { MAX_SYLLABUS_BYTES, type SyllabusError } from './types.js';

export type Decoded = { ok: true; lines: string[] } | { ok: false; error: SyllabusError };

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

export function decodeInput(input: string | Uint8Array): Decoded {
  let text: string;
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
      return binary('it is not valid UTF-8');
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') {
    return { ok: false, error: { code: 'empty', message: 'The syllabus file is empty.' } };
  }
  if (text.includes('\u0000')) return binary('it contains NUL bytes');
  if (controlShare(text) > 0.05) return binary('it is mostly non-text characters');
  return { ok: true, lines: text.split(/\r\n|\r|\n/) };
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
