// Files built to hurt, checked as uploads: bombs, unsafe archive names, lying types, cut-off files, hostile names; and an
// upload whose connection drops halfway leaves no record, no stored file and no temp file.
import { connect } from 'node:net';
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { PDFDocument } from 'pdf-lib';
import { inspectUpload } from '../../src/files/inspect.js';
import { MAX_PACKED_OBJECT_BYTES, packedObjectBytes, pdfLimits, pdfPageCount } from '../../src/files/pdf.js';
import { sanitizeFileName } from '../../src/files/sniff.js';
import { listZip } from '../../src/files/zip.js';
import type { FileRules } from '../../src/domain/deliverables.js';
import { buildApp } from '../../src/http/app.js';
import { createSession } from '../../src/services/auth/sessions.js';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../support/dialects.js';
import { createSeminar } from '../../src/main.js';
import { BlobStore } from '../../src/files/blob-store.js';
import { makePdf, makeZip, patchBytes } from '../files/build.js';
import { buildWorkWorld, multipart, SLUG } from '../http/work-helpers.js';

const CODE: FileRules = { types: ['zip'], requireReadmeAtRoot: true, maxBytes: 50 * 1024 * 1024 };
const REPORT: FileRules = { types: ['pdf'], maxPages: 8, maxBytes: 50 * 1024 * 1024 };
const SLIDES: FileRules = { types: ['pptx', 'pdf'], maxBytes: 50 * 1024 * 1024 };

/** A hand-written PDF of the given objects (no cross-reference table: parsers rebuild it, as viewers do). */
function rawPdf(objects: Array<string | Buffer>): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n')];
  for (const o of objects) parts.push(typeof o === 'string' ? Buffer.from(o) : o);
  parts.push(Buffer.from('trailer\n<< /Root 1 0 R /Size 9 >>\n%%EOF\n'));
  return Buffer.concat(parts);
}

const PAGE_TREE = [
  '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n',
  '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n',
  '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n',
];

/** A PDF whose object stream inflates to `mb` megabytes of spaces. */
function pdfBomb(mb: number): Buffer {
  // Run-length matching only: as small as the best compression of one repeated byte, several times faster to make.
  const data = deflateSync(Buffer.alloc(mb * 1024 * 1024, 0x20), { level: 9, strategy: constants.Z_RLE });
  const stream = Buffer.concat([
    Buffer.from(
      `4 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`,
    ),
    data,
    Buffer.from('\nendstream\nendobj\n'),
  ]);
  return rawPdf([...PAGE_TREE, stream]);
}

async function pptx(): Promise<Buffer> {
  return makeZip([
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types/>' },
    { name: 'ppt/presentation.xml', data: '<p:presentation/>' },
    { name: 'ppt/slides/slide1.xml', data: '<p:sld/>'.repeat(200) },
  ]);
}

describe('zip bombs and unsafe archives are refused without unpacking', () => {
  it('refuses an archive of ten thousand and one empty entries', async () => {
    const zip = await makeZip([
      { name: 'README.md', data: 'x' },
      // Stored, not deflated: ten thousand deflate streams of nothing took most of this test's time.
      ...Array.from({ length: 10_000 }, (_, i) => ({ name: `f/${i}.txt`, data: '', store: true })),
    ]);
    const result = await inspectUpload(zip, 'code.zip', CODE);
    expect(result).toMatchObject({ ok: false, code: 'zip-bomb' });
  }, 120_000);

  it('refuses a 400 MB file of zeros squeezed into a few hundred kilobytes, and a zip nested in zips is only listed', async () => {
    const zeros = Buffer.alloc(400 * 1024 * 1024);
    const bomb = await makeZip([
      { name: 'README.md', data: 'x' },
      { name: 'zeros.bin', data: zeros },
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await inspectUpload(bomb, 'code.zip', CODE)).toMatchObject({ ok: false, code: 'zip-bomb' });
    // 42.zip-style nesting: the inner archives are entries like any other; nothing is opened.
    let nested = await makeZip([{ name: 'README.md', data: 'innermost' }]);
    for (let i = 0; i < 8; i++)
      nested = await makeZip([
        { name: 'README.md', data: `level ${i}` },
        { name: `level${i}.zip`, data: nested },
      ]);
    const ok = await inspectUpload(nested, 'code.zip', CODE);
    expect(ok).toMatchObject({ ok: true, type: 'zip', readme: 'README.md' });
  }, 120_000);

  it('refuses archives whose directory lies about its counts and sizes (zip64 markers without zip64 records)', async () => {
    const good = await makeZip([
      { name: 'README.md', data: 'read me' },
      { name: 'main.c', data: 'int main(){}' },
    ]);
    const eocd = good.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    // Entry counts of 0xFFFF promise a zip64 end record that is not there.
    const lyingCount = Buffer.from(good);
    lyingCount.writeUInt16LE(0xffff, eocd + 8);
    lyingCount.writeUInt16LE(0xffff, eocd + 10);
    // A central directory said to start beyond the end of the file.
    const lyingOffset = Buffer.from(good);
    lyingOffset.writeUInt32LE(0xfffffff0, eocd + 16);
    // A declared uncompressed size of 4 GiB - 1 in the central directory (no zip64 extra field).
    const central = good.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const lyingSize = Buffer.from(good);
    lyingSize.writeUInt32LE(0xfffffffe, central + 24);
    // Fewer entries declared than the directory holds.
    const fewer = Buffer.from(good);
    fewer.writeUInt16LE(1, eocd + 8);
    fewer.writeUInt16LE(1, eocd + 10);
    for (const [what, bytes] of [
      ['count', lyingCount],
      ['offset', lyingOffset],
      ['size', lyingSize],
      ['fewer', fewer],
    ] as const) {
      const result = await inspectUpload(bytes, 'code.zip', CODE);
      if (what === 'fewer') expect(result.ok, what).toBe(true);
      else expect(result, what).toMatchObject({ ok: false });
    }
  });

  it('refuses absolute, drive-letter, backslash and ".." entry names, and lists a very deep folder without trouble', async () => {
    for (const evil of [
      '/etc/passwd',
      '../../evil.sh',
      'a/../../b.txt',
      'C:/Windows/x.dll',
      '..\\..\\evil.bat',
    ]) {
      const placeholder = 'p'.repeat(evil.length);
      const zip = patchBytes(
        await makeZip([
          { name: 'README.md', data: 'x' },
          { name: placeholder, data: 'boo' },
        ]),
        placeholder,
        evil,
      );
      expect(await inspectUpload(zip, 'code.zip', CODE), evil).toMatchObject({
        ok: false,
        code: 'unsafe-archive',
      });
    }
    const deep = await makeZip([
      { name: 'README.md', data: 'x' },
      { name: `${'d/'.repeat(2000)}file.txt`, data: 'deep' },
    ]);
    expect(await inspectUpload(deep, 'code.zip', CODE)).toMatchObject({ ok: true });
  });

  it('refuses a truncated pptx and docx, and a zip that is only its end record', async () => {
    const whole = await pptx();
    expect(await inspectUpload(whole, 'talk.pptx', SLIDES)).toMatchObject({ ok: true, type: 'pptx' });
    for (const cut of [
      whole.subarray(0, whole.length - 30),
      whole.subarray(0, Math.floor(whole.length / 2)),
      whole.subarray(0, 4),
    ]) {
      const result = await inspectUpload(cut, 'talk.pptx', SLIDES);
      expect(result.ok).toBe(false);
    }
    const docx = await makeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '<w:document/>' },
    ]);
    expect(
      (
        await inspectUpload(docx.subarray(0, docx.length - 10), 'summary.docx', {
          types: ['docx'],
          maxBytes: 1024 * 1024,
        })
      ).ok,
    ).toBe(false);
    const onlyEnd = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);
    expect(await inspectUpload(onlyEnd, 'code.zip', CODE)).toMatchObject({ ok: false });
  });
});

describe('PDFs that are not what they say', () => {
  it('refuses HTML named .pdf, and a file that starts like a PDF but is HTML', async () => {
    const html = Buffer.from('<!doctype html><html><script>alert(document.cookie)</script></html>');
    expect(await inspectUpload(html, 'report.pdf', REPORT)).toMatchObject({
      ok: false,
      code: 'extension-mismatch',
    });
    const fake = Buffer.from('%PDF-1.4\n<html><body><script>alert(1)</script></body></html>');
    expect(await inspectUpload(fake, 'report.pdf', REPORT)).toMatchObject({ ok: false, code: 'broken-pdf' });
  });

  it('takes a PDF with a zip appended for a PDF (what it opens as), never for a zip', async () => {
    const pdf = await makePdf(2);
    const polyglot = Buffer.concat([pdf, await makeZip([{ name: 'README.md', data: 'x' }])]);
    const asPdf = await inspectUpload(polyglot, 'report.pdf', REPORT);
    expect(asPdf).toMatchObject({ ok: true, type: 'pdf', pages: 2 });
    expect(await inspectUpload(polyglot, 'code.zip', CODE)).toMatchObject({ ok: false });
  });

  it('refuses truncated PDFs and an empty file', async () => {
    const pdf = await makePdf(3);
    for (const cut of [
      pdf.subarray(0, 5),
      pdf.subarray(0, 200),
      pdf.subarray(0, Math.floor(pdf.length / 2)),
    ]) {
      expect((await inspectUpload(cut, 'report.pdf', REPORT)).ok).toBe(false);
    }
    expect(await inspectUpload(new Uint8Array(), 'report.pdf', REPORT)).toMatchObject({
      ok: false,
      code: 'empty',
    });
  });

  it('refuses a 1 MB PDF whose object stream inflates to 1 GB, quickly and without inflating it all', async () => {
    const bomb = pdfBomb(1024);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    expect(packedObjectBytes(bomb)).toBeGreaterThan(MAX_PACKED_OBJECT_BYTES);
    const before = process.memoryUsage().rss;
    expect(await inspectUpload(bomb, 'report.pdf', REPORT)).toMatchObject({ ok: false, code: 'broken-pdf' });
    expect(process.memoryUsage().rss - before).toBeLessThan(512 * 1024 * 1024);
  });

  it('parses a PDF of garbage off the main thread: refused as broken while the server keeps answering', async () => {
    const garbage = Buffer.from('%PDF-1.7\n' + 'x stream\n'.repeat(40_000) + '%%EOF\n');
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    try {
      const counted = await pdfPageCount(garbage);
      expect(counted).toMatchObject({ ok: false, code: 'broken' });
    } finally {
      clearInterval(timer);
    }
    // The parse takes a second of CPU; the event loop ran meanwhile (it was blocked throughout before).
    expect(ticks).toBeGreaterThan(0);
    // Several at once wait their turn and all answer.
    const many = await Promise.all(
      [garbage.subarray(0, 20_000), await makePdf(3), Buffer.from('%PDF-1.4 nothing')].map((b) =>
        pdfPageCount(b),
      ),
    );
    expect(many.map((m) => m.ok)).toEqual([false, true, false]);
  }, 120_000);

  it('ends a parse that runs past the limit, says so, and reads the next PDF with a fresh worker', async () => {
    const garbage = Buffer.from('%PDF-1.7\n' + 'x stream\n'.repeat(300_000));
    const saved = pdfLimits.parseMs;
    pdfLimits.parseMs = 100;
    try {
      expect(await pdfPageCount(garbage)).toMatchObject({
        ok: false,
        code: 'broken',
        message: expect.stringMatching(/too long/),
      });
    } finally {
      pdfLimits.parseMs = saved;
    }
    expect(await pdfPageCount(await makePdf(2))).toEqual({ ok: true, pages: 2 });
  }, 60_000);

  it('still reads PDFs saved with object streams, and a PDF whose page tree loops', async () => {
    const doc = await PDFDocument.create();
    for (let i = 0; i < 30; i++) doc.addPage().drawText(`page ${i}`);
    const packed = Buffer.from(await doc.save({ useObjectStreams: true }));
    expect(packedObjectBytes(packed)).toBeGreaterThan(0);
    expect(await pdfPageCount(packed)).toEqual({ ok: true, pages: 30 });
    const loop = rawPdf([
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n',
      '2 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] /Count 1 >> endobj\n',
      '3 0 obj << /Type /Page /Parent 2 0 R /Kids [2 0 R] >> endobj\n',
    ]);
    expect((await inspectUpload(loop, 'report.pdf', REPORT)).ok).toBe(false);
  });
});

describe('hostile file names', () => {
  it('turns every hostile name into one safe, visible segment', () => {
    const cases: Array<[string, RegExp]> = [
      ['\u202egpj.exe', /^gpj\.exe$/],
      ['a'.repeat(300) + '.pdf', /^a{251}\.pdf$/],
      ['...', /^file$/],
      ['.', /^file$/],
      ['report\u0000.pdf.exe', /^report\.pdf\.exe$/],
      ['../../etc/passwd', /^passwd$/],
      ['C:\\Users\\x\\talk.pdf', /^talk\.pdf$/],
      ['CON.pdf', /^_CON\.pdf$/],
      ['talk\r\nContent-Type: text/html.pdf', /^talkContent-Type_ text\/html\.pdf$|^html\.pdf$/],
    ];
    for (const [input, expected] of cases)
      expect(sanitizeFileName(input), JSON.stringify(input)).toMatch(expected);
  });
});

describeEachDialect('uploads over HTTP', (get) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  const NOW = new Date('2024-08-27T15:00:00Z');
  const url = `/api/courses/${SLUG}/submissions/upload?deliverableKey=slides&meetingDate=2024-08-28&acknowledgePolicy=true`;

  const counts = async () => ({
    submissions: Number(
      (
        (await database.db
          .selectFrom('submissions' as never)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()) as { n: number }
      ).n,
    ),
  });
  const filesOnDisk = (): string[] => {
    const root = database.config.filesDir;
    if (!existsSync(root)) return [];
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));
  };

  beforeAll(async () => {
    database = get();
    const world = await buildWorkWorld(database.db, NOW);
    app = await buildApp({ config: database.config, db: database.db, clock: () => NOW });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const session = await createSession(database.db, world.ids.ada, NOW, { ip: null, userAgent: 'files' });
    headers = {
      cookie: `seminar_session=${session.token}; seminar_csrf=${session.csrfToken}`,
      'x-csrf-token': session.csrfToken,
    };
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers hostile names and lying part types with a receipt of a safe name or a 4xx, never a 500', async () => {
    const pdf = await makePdf(2);
    const names = [
      '\u202egpj.exe',
      `${'n'.repeat(300)}.pdf`,
      '...',
      'a\u0000b.pdf',
      '../../../tmp/x.pdf',
      'CON',
      '<script>.pdf',
      '%00.pdf',
      '',
    ];
    for (const name of names) {
      for (const type of ['application/pdf', 'text/html', 'application/x-msdownload', '']) {
        const mp = multipart(name.replace(/"/g, ''), pdf, type);
        const res = await app.inject({
          method: 'POST',
          url,
          headers: { ...headers, ...mp.headers },
          payload: mp.payload,
        });
        expect(res.statusCode, `${JSON.stringify(name)} ${type}: ${res.body.slice(0, 200)}`).toBeLessThan(
          500,
        );
        const body = res.json<{ files?: Array<{ name: string; type: string }>; error?: { code: string } }>();
        if (res.statusCode === 201) {
          const stored = body.files![0]!;
          expect(stored.type).toBe('pdf');
          // eslint-disable-next-line no-control-regex
          expect(stored.name).not.toMatch(/[\u0000-\u001f\u202e/\\<>]|^\.+$/);
          expect(Buffer.byteLength(stored.name)).toBeLessThanOrEqual(255);
        } else expect(body.error?.code).toEqual(expect.any(String));
      }
    }
    // "gpj.exe" shown backwards as "exe.jpg" holding a PDF: kept as what it is, a PDF, under a name that says so.
    const disguised = multipart('\u202egpj.exe', pdf);
    const kept = await app.inject({
      method: 'POST',
      url,
      headers: { ...headers, ...disguised.headers },
      payload: disguised.payload,
    });
    expect(kept.json<{ files: Array<{ name: string }> }>().files[0]!.name).toBe('gpj.exe.pdf');
    // An executable named .pdf, a PDF bomb, an HTML file: refused, nothing stored for them.
    const before = await counts();
    for (const [name, content] of [
      ['talk.pdf', Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0])],
      ['talk.pdf', pdfBomb(256)],
      ['talk.pdf', Buffer.from('<html></html>')],
    ] as const) {
      const mp = multipart(name, content);
      const res = await app.inject({
        method: 'POST',
        url,
        headers: { ...headers, ...mp.headers },
        payload: mp.payload,
      });
      expect(res.statusCode, name).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, name).toBeLessThan(500);
    }
    expect(await counts()).toEqual(before);
    expect(filesOnDisk().filter((f) => f.includes(join(database.config.filesDir, 'tmp')))).toEqual([]);
  });

  it('leaves no record, no stored file and no temp file when the connection drops halfway through the body', async () => {
    const before = await counts();
    const stored = filesOnDisk();
    const address = app.server.address() as { port: number };
    const pdf = await makePdf(40);
    const mp = multipart('talk.pdf', pdf, 'application/pdf');
    const head = [
      `POST ${url} HTTP/1.1`,
      'Host: 127.0.0.1',
      `Content-Type: ${mp.headers['content-type']}`,
      `Content-Length: ${mp.payload.length}`,
      `Cookie: ${headers.cookie}`,
      `X-CSRF-Token: ${headers['x-csrf-token']}`,
      '',
      '',
    ].join('\r\n');
    let during: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const socket = connect(address.port, '127.0.0.1', () => {
        socket.write(head);
        socket.write(mp.payload.subarray(0, Math.floor(mp.payload.length / 2)), () => {
          // Wait (bounded) until the server is writing the temp file, so that the drop happens mid-stream.
          const waitForTemp = (tries: number) => {
            during = filesOnDisk().filter((f) => f.includes(join(database.config.filesDir, 'tmp')));
            if (during.length > 0 || tries === 0) {
              socket.destroy();
              resolve();
            } else setTimeout(() => waitForTemp(tries - 1), 50);
          };
          waitForTemp(600);
        });
      });
      socket.on('error', reject);
    });
    // The server notices the closed socket; wait (bounded, generously for a loaded machine) until no temp file is left.
    let leftover: string[] = [];
    for (let i = 0; i < 400; i++) {
      await new Promise((r) => setTimeout(r, 50));
      leftover = filesOnDisk().filter((f) => !stored.includes(f));
      if (leftover.length === 0 && i > 5) break;
    }
    expect(during).toHaveLength(1);
    expect(leftover).toEqual([]);
    expect(await counts()).toEqual(before);
    // The server still answers.
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
  }, 90_000);
});

describe('a server killed mid-upload', () => {
  it('leaves a temp file that the next start removes once it has been idle for an hour (fresh ones stay)', async () => {
    const database = await createTestDatabase('sqlite');
    try {
      const tmp = join(database.config.filesDir, 'tmp');
      mkdirSync(tmp, { recursive: true });
      const stale = join(tmp, 'killed-upload.part');
      const fresh = join(tmp, 'live-upload.part');
      writeFileSync(stale, 'half a PDF');
      writeFileSync(fresh, 'an upload in flight on another instance');
      const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
      utimesSync(stale, twoHoursAgo, twoHoursAgo);
      const seminar = await createSeminar(database.config, { mailQueue: false });
      await seminar.close();
      expect(existsSync(stale)).toBe(false);
      expect(existsSync(fresh)).toBe(true);
      const store = new BlobStore(database.config.filesDir);
      expect(await store.deleteTemp('live-upload.part', new Date(Date.now() + 1000))).toBe(true);
      expect(existsSync(fresh)).toBe(false);
    } finally {
      await database.drop();
    }
  });
});

it('lists zips through the same code whether they sit in memory or are cut to pieces', async () => {
  const zip = await makeZip([{ name: 'README.md', data: 'x' }]);
  for (let cut = 0; cut < zip.length; cut += 7) {
    await listZip(zip.subarray(0, cut)).then(
      () => undefined,
      (err: Error) => expect(err.name).toBe('ZipError'),
    );
  }
});
