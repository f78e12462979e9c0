// Uploads checked against the demo course's file rules: "a clear error, no record" for bad input.

import { describe, expect, it } from 'vitest';
import { deliverablesForCourse } from '../../src/domain/demo-deliverables.js';
import type { FileRules } from '../../src/domain/deliverables.js';
import { inspectUpload } from '../../src/files/inspect.js';
import { buildCourse } from '../domain/demo-course.js';
import { makePdf, makeZip, patchBytes } from './build.js';

const rules = (key: string): FileRules => {
  const found = deliverablesForCourse(buildCourse()).find((d) => d.key === key)?.fileRules;
  if (!found) throw new Error(key);
  return found;
};

describe('the final report: "an 8-page final report … as a PDF file"', () => {
  it('accepts an 8-page PDF without a warning and reports its pages', async () => {
    expect(await inspectUpload(await makePdf(8), 'report.pdf', rules('final-report'))).toEqual({
      ok: true,
      type: 'pdf',
      name: 'report.pdf',
      bytes: expect.any(Number),
      pages: 8,
      readme: null,
      warnings: [],
    });
  });

  it('accepts an 11-page PDF with a warning (references may follow the 8 pages)', async () => {
    const result = await inspectUpload(await makePdf(11), 'report.pdf', rules('final-report'));
    expect(result).toMatchObject({
      ok: true,
      pages: 11,
      warnings: ['The PDF has 11 pages; the limit is 8 pages plus references.'],
    });
  });

  it('refuses a damaged PDF with a clear message', async () => {
    const result = await inspectUpload(Buffer.from('%PDF-1.7\ngarbage'), 'report.pdf', rules('final-report'));
    expect(result).toMatchObject({ ok: false, code: 'broken-pdf' });
  });

  it('refuses too many pages when staff make the limit strict', async () => {
    const strict: FileRules = { ...rules('final-report'), pageLimit: 'reject' };
    expect(await inspectUpload(await makePdf(9), 'report.pdf', strict)).toMatchObject({
      ok: false,
      code: 'too-many-pages',
    });
  });
});

describe('the code: "a zip file … must include a README file"', () => {
  it('accepts a zip with a README at its root and says where it is', async () => {
    const zip = await makeZip([
      { name: 'README.md', data: '1. make\n2. ./run\n' },
      { name: 'src/main.c', data: 'int main(){}' },
    ]);
    expect(await inspectUpload(zip, 'code.zip', rules('code'))).toMatchObject({
      ok: true,
      type: 'zip',
      readme: 'README.md',
      warnings: [],
    });
  });

  it('refuses a zip without a README', async () => {
    const zip = await makeZip([{ name: 'src/main.c', data: 'int main(){}' }]);
    const result = await inspectUpload(zip, 'code.zip', rules('code'));
    expect(result).toMatchObject({ ok: false, code: 'missing-readme' });
    expect(result.ok ? '' : result.message).toMatch(/README/);
  });

  it('refuses a zip bomb', async () => {
    const zip = await makeZip([
      { name: 'README', data: 'x' },
      { name: 'zeros', data: Buffer.alloc(8 * 1024 * 1024) },
    ]);
    expect(await inspectUpload(zip, 'code.zip', rules('code'))).toMatchObject({
      ok: false,
      code: 'zip-bomb',
    });
  });

  it('refuses an archive with a path-traversal entry', async () => {
    const zip = patchBytes(
      await makeZip([
        { name: 'README', data: 'x' },
        { name: 'aa/aa/x.sh', data: 'echo' },
      ]),
      'aa/aa/x.sh',
      '../../x.sh',
    );
    expect(await inspectUpload(zip, 'code.zip', rules('code'))).toMatchObject({
      ok: false,
      code: 'unsafe-archive',
    });
  });

  it('refuses a file over the size limit', async () => {
    const small: FileRules = { ...rules('code'), maxBytes: 64 };
    const zip = await makeZip([{ name: 'README', data: 'step one: read the README carefully' }]);
    expect(await inspectUpload(zip, 'code.zip', small)).toMatchObject({ ok: false, code: 'too-large' });
  });
});

describe('slides and summaries', () => {
  it('checks a .pptx for bombs too (office files are zips)', async () => {
    const bomb = await makeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'ppt/presentation.xml', data: '<p/>' },
      { name: 'ppt/media/zeros.bin', data: Buffer.alloc(8 * 1024 * 1024) },
    ]);
    expect(await inspectUpload(bomb, 'talk.pptx', rules('slides'))).toMatchObject({
      ok: false,
      code: 'zip-bomb',
    });
  });

  it('sanitizes the name it returns', async () => {
    expect(await inspectUpload(await makePdf(1), '../../con.pdf', rules('slides'))).toMatchObject({
      ok: true,
      name: '_con.pdf',
    });
  });

  it('accepts a Markdown summary upload and refuses an empty one', async () => {
    expect(await inspectUpload(Buffer.from('# Summary\n'), 'summary.md', rules('summary'))).toMatchObject({
      ok: true,
      type: 'md',
    });
    expect(await inspectUpload(Buffer.alloc(0), 'summary.md', rules('summary'))).toMatchObject({
      ok: false,
      code: 'empty',
    });
  });
});
