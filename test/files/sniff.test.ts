// Uploads judged by content, not by name: "type checked by content", "names sanitized".

import { describe, expect, it } from 'vitest';
import { checkUpload, extensionOf, isText, sanitizeFileName, sniffType } from '../../src/files/sniff.js';
import { makePdf, makeZip } from './build.js';

const pptx = () =>
  makeZip([
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types/>' },
    { name: '_rels/.rels', data: '<Relationships/>' },
    { name: 'ppt/presentation.xml', data: '<p:presentation/>' },
    { name: 'ppt/slides/slide1.xml', data: '<p:sld/>' },
  ]);
const docx = () =>
  makeZip([
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types/>' },
    { name: 'word/document.xml', data: '<w:document/>' },
  ]);
// A tiny Windows PE header: "MZ" then padding.
const exe = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(62, 0x90),
  Buffer.from('This program cannot be run in DOS mode.'),
]);

describe('telling the type by content', () => {
  it('knows a PDF by its %PDF- header', async () => {
    expect(await sniffType(await makePdf(1))).toBe('pdf');
  });

  it('knows a .pptx by [Content_Types].xml and a ppt/ folder, a .docx by word/', async () => {
    expect(await sniffType(await pptx())).toBe('pptx');
    expect(await sniffType(await docx())).toBe('docx');
  });

  it('knows a plain zip', async () => {
    expect(await sniffType(await makeZip([{ name: 'README.md', data: 'x' }]))).toBe('zip');
  });

  it('knows Markdown text: valid UTF-8 without NULs', async () => {
    expect(await sniffType(Buffer.from('# Summary\n\nWhat is the problem — and why “important”?\n'))).toBe(
      'text',
    );
  });

  it('does not take bytes with a NUL or invalid UTF-8 for text', async () => {
    expect(isText(Buffer.from('abc\u0000def'))).toBe(false);
    expect(isText(Buffer.from([0x61, 0xff, 0xfe, 0x62]))).toBe(false);
    expect(await sniffType(Buffer.from([0x00, 0x01, 0x02, 0x03]))).toBe('unknown');
  });

  it('knows an executable', async () => {
    expect(await sniffType(exe)).toBe('executable');
  });

  it('says an empty file is empty', async () => {
    expect(await sniffType(Buffer.alloc(0))).toBe('empty');
  });

  it('does not take a broken zip for anything', async () => {
    expect(await sniffType(Buffer.from('PK\u0003\u0004 broken'))).toBe('unknown');
  });
});

describe('"slides (.pptx or .pdf)": checking an upload against a deliverable', () => {
  const slides = ['pptx', 'pdf'] as const;

  it('accepts a real .pptx and a real .pdf', async () => {
    expect(await checkUpload({ content: await pptx(), fileName: 'talk.pptx', allowed: slides })).toEqual({
      ok: true,
      type: 'pptx',
      name: 'talk.pptx',
    });
    expect(await checkUpload({ content: await makePdf(2), fileName: 'talk.pdf', allowed: slides })).toEqual({
      ok: true,
      type: 'pdf',
      name: 'talk.pdf',
    });
  });

  it('refuses an .exe named .pdf', async () => {
    const result = await checkUpload({ content: exe, fileName: 'slides.pdf', allowed: slides });
    expect(result).toMatchObject({ ok: false, reason: 'unknown-type', detected: 'executable' });
  });

  it('refuses a text file renamed .pdf', async () => {
    const result = await checkUpload({
      content: Buffer.from('my slides, honest'),
      fileName: 'slides.pdf',
      allowed: slides,
    });
    expect(result).toMatchObject({ ok: false, reason: 'extension-mismatch', detected: 'text' });
  });

  it('refuses a PDF named .pptx', async () => {
    expect(
      await checkUpload({ content: await makePdf(1), fileName: 'talk.pptx', allowed: slides }),
    ).toMatchObject({ ok: false, reason: 'extension-mismatch' });
  });

  it('refuses a .docx where slides are due', async () => {
    expect(
      await checkUpload({ content: await docx(), fileName: 'talk.docx', allowed: slides }),
    ).toMatchObject({ ok: false, reason: 'type-not-allowed' });
  });

  it('refuses an empty file', async () => {
    expect(
      await checkUpload({ content: Buffer.alloc(0), fileName: 'talk.pdf', allowed: slides }),
    ).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('refuses a file over the size limit', async () => {
    expect(
      await checkUpload({ content: await makePdf(1), fileName: 'talk.pdf', allowed: slides, maxBytes: 100 }),
    ).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('names a file without an extension after its content', async () => {
    expect(await checkUpload({ content: await makePdf(1), fileName: 'talk', allowed: slides })).toEqual({
      ok: true,
      type: 'pdf',
      name: 'talk.pdf',
    });
  });
});

describe('summaries (Markdown, PDF or DOCX) and code (.zip)', () => {
  it('accepts Markdown as md', async () => {
    expect(
      await checkUpload({
        content: Buffer.from('# Summary\n'),
        fileName: 'summary.md',
        allowed: ['pdf', 'docx', 'md'],
      }),
    ).toEqual({
      ok: true,
      type: 'md',
      name: 'summary.md',
    });
  });

  it('accepts a zip of code, and a pptx-shaped zip named .zip as a zip', async () => {
    expect(
      await checkUpload({
        content: await makeZip([{ name: 'README', data: 'x' }]),
        fileName: 'code.zip',
        allowed: ['zip'],
      }),
    ).toMatchObject({ ok: true, type: 'zip' });
    expect(
      await checkUpload({ content: await pptx(), fileName: 'code.zip', allowed: ['zip'] }),
    ).toMatchObject({ ok: true, type: 'zip' });
  });

  it('refuses a PDF where a zip is due', async () => {
    expect(
      await checkUpload({ content: await makePdf(1), fileName: 'code.pdf', allowed: ['zip'] }),
    ).toMatchObject({ ok: false, reason: 'type-not-allowed' });
  });
});

describe('sanitizing file names', () => {
  it("keeps only the last segment of '../../etc/passwd'", () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('..\\..\\windows\\win.ini')).toBe('win.ini');
    expect(sanitizeFileName('/abs/path/report.pdf')).toBe('report.pdf');
  });

  it('never returns an empty, dot or dot-dot name', () => {
    expect(sanitizeFileName('')).toBe('file');
    expect(sanitizeFileName('..')).toBe('file');
    expect(sanitizeFileName('../')).toBe('file');
    expect(sanitizeFileName('   ')).toBe('file');
  });

  it("defuses Windows device names like 'con.pdf'", () => {
    expect(sanitizeFileName('con.pdf')).toBe('_con.pdf');
    expect(sanitizeFileName('NUL')).toBe('_NUL');
    expect(sanitizeFileName('lpt1.tar.gz')).toBe('_lpt1.tar.gz');
    expect(sanitizeFileName('console.pdf')).toBe('console.pdf');
  });

  it('removes NUL and other control characters', () => {
    expect(sanitizeFileName('report\u0000.pdf.exe')).toBe('report.pdf.exe');
    expect(sanitizeFileName('a\nb\rc\td.pdf')).toBe('abcd.pdf');
  });

  it('removes right-to-left overrides that disguise "invoice\\u202Efdp.exe" as "invoiceexe.pdf"', () => {
    const name = sanitizeFileName('invoice\u202Efdp.exe');
    expect(name).toBe('invoicefdp.exe');
    expect(extensionOf(name)).toBe('exe');
    expect(sanitizeFileName('a\u2066b\u2069\u200Bc.pdf')).toBe('abc.pdf');
  });

  it('replaces characters Windows forbids and trims dots and spaces', () => {
    expect(sanitizeFileName('what? <now>: "a|b"*.pdf')).toBe('what_ _now__ _a_b__.pdf');
    expect(sanitizeFileName(' .hidden. ')).toBe('hidden');
  });

  it('keeps non-Latin names, normalised to NFC', () => {
    expect(sanitizeFileName('Re\u0301sume\u0301 – 總結.pdf')).toBe('Résumé – 總結.pdf');
  });

  it('shortens a long name to 255 bytes and keeps its extension', () => {
    const name = sanitizeFileName(`${'é'.repeat(300)}.pdf`);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
    expect(name.endsWith('é.pdf')).toBe(true);
  });
});
