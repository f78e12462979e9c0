// Properties of sanitizeFileName over arbitrary input: safe, never empty, bounded, stable.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeFileName } from '../../src/files/sniff.js';

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;
const nasty = fc.constantFrom(
  '/',
  '\\',
  '..',
  '.',
  ' ',
  '\u0000',
  '\u001b',
  '\u202e',
  '\u2066',
  '\u200b',
  '\ufeff',
  ':',
  '*',
  '?',
  'con',
  'NUL',
  'COM1',
  '.pdf',
  'é',
  '總',
);
const name = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.array(fc.oneof(nasty, fc.string({ maxLength: 5 })), { maxLength: 80 }).map((parts) => parts.join('')),
);

describe('any uploaded file name, once sanitized', () => {
  it('is one non-empty path segment without control, invisible or forbidden characters, at most 255 bytes', () => {
    fc.assert(
      fc.property(name, (input) => {
        const out = sanitizeFileName(input);
        expect(out.length).toBeGreaterThan(0);
        expect(out).not.toMatch(/[/\\<>:"|?*]/);
        expect(out).not.toMatch(UNSAFE);
        expect(out).not.toMatch(/^[\s.]|[\s.]$/);
        expect(out.split('.')[0]).not.toMatch(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i);
        expect(Buffer.byteLength(out)).toBeLessThanOrEqual(255);
      }),
      { numRuns: 1000 },
    );
  });

  it('stays the same when sanitized again', () => {
    fc.assert(
      fc.property(name, (input) => {
        const once = sanitizeFileName(input);
        expect(sanitizeFileName(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });
});
