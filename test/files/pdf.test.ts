// "An 8-page final report … submitted as a PDF": pages counted with pdf-lib, broken files turned into clear errors.

import { describe, expect, it } from 'vitest';
import { checkPageLimit, looksLikePdf, pdfPageCount } from '../../src/files/pdf.js';
import { makePdf } from './build.js';

describe('counting pages', () => {
  it('counts the pages of a PDF made with pdf-lib', async () => {
    expect(await pdfPageCount(await makePdf(3))).toEqual({ ok: true, pages: 3 });
    expect(await pdfPageCount(await makePdf(1))).toEqual({ ok: true, pages: 1 });
  });

  it('says a text file is not a PDF', async () => {
    expect(await pdfPageCount(Buffer.from('just some notes'))).toMatchObject({
      ok: false,
      code: 'not-a-pdf',
    });
    expect(await pdfPageCount(Buffer.alloc(0))).toMatchObject({ ok: false, code: 'not-a-pdf' });
  });

  it('says a file with a PDF header and garbage after it is broken', async () => {
    const result = await pdfPageCount(Buffer.from('%PDF-1.7\n this is not really a pdf at all \x00\x01\x02'));
    expect(result).toMatchObject({ ok: false, code: 'broken' });
    expect(result.ok ? '' : result.message).toMatch(/re-?upload/i);
  });

  it('says a PDF cut off halfway through its upload is broken', async () => {
    const whole = await makePdf(4);
    const result = await pdfPageCount(whole.subarray(0, Math.floor(whole.length / 3)));
    expect(result).toMatchObject({ ok: false, code: 'broken' });
  });

  it('says an encrypted PDF is encrypted', async () => {
    const plain = (await makePdf(2)).toString('latin1');
    const encrypted = Buffer.from(
      plain.replace(/trailer\s*<<\s*/, (m) => `${m}/Encrypt 1 0 R\n`),
      'latin1',
    );
    expect(encrypted.toString('latin1')).toContain('/Encrypt');
    expect(await pdfPageCount(encrypted)).toMatchObject({ ok: false, code: 'encrypted' });
  });

  it('recognises the %PDF- header only at the start of the file', () => {
    expect(looksLikePdf(Buffer.from('%PDF-1.4'))).toBe(true);
    expect(looksLikePdf(Buffer.from('notes about %PDF-1.4'))).toBe(false);
  });
});

describe('"8 pages plus references": the page limit warns, it does not refuse', () => {
  it('says nothing for an 8-page report', async () => {
    const count = await pdfPageCount(await makePdf(8));
    expect(count.ok && checkPageLimit(count.pages, 8)).toEqual({ ok: true, warning: null });
  });

  it('warns about a 10-page report but accepts it', async () => {
    const count = await pdfPageCount(await makePdf(10));
    expect(count.ok && checkPageLimit(count.pages, 8)).toEqual({
      ok: true,
      warning: 'The PDF has 10 pages; the limit is 8 pages plus references.',
    });
  });

  it('refuses when a deliverable sets the limit to reject', () => {
    expect(checkPageLimit(10, 8, 'reject').ok).toBe(false);
    expect(checkPageLimit(3, undefined, 'reject')).toEqual({ ok: true, warning: null });
  });
});
