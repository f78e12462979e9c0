// "The code must be a zip with a README": archives listed without unpacking, README rule, bombs and unsafe names.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ZipError, isUnsafeEntryName, listZip, readmeAtRoot } from '../../src/files/zip.js';
import { makeZip, patchBytes } from './build.js';

const dir = mkdtempSync(join(tmpdir(), 'seminar-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('listing', () => {
  it('lists entries, sizes and folders of an archive in memory', async () => {
    const zip = await makeZip([
      { name: 'README.md', data: '# Build\nmake run\n' },
      { name: 'src/', directory: true },
      { name: 'src/main.py', data: 'print("hi")\n' },
    ]);
    const listing = await listZip(zip);
    expect(listing.entries.map((e) => [e.name, e.directory, e.uncompressedSize])).toEqual([
      ['README.md', false, 17],
      ['src/', true, 0],
      ['src/main.py', false, 12],
    ]);
    expect(listing).toMatchObject({ entryCount: 3, bomb: false, unsafe: false, problems: [] });
  });

  it('lists an archive on disk the same way', async () => {
    const path = join(dir, 'code.zip');
    writeFileSync(path, await makeZip([{ name: 'README', data: 'steps' }]));
    expect((await listZip(path)).entries.map((e) => e.name)).toEqual(['README']);
  });

  it('refuses something that is not a zip with a clear error', async () => {
    await expect(listZip(Buffer.from('definitely not a zip archive, just some text'))).rejects.toMatchObject({
      name: 'ZipError',
      code: 'not-a-zip',
    });
    await expect(listZip(Buffer.alloc(0))).rejects.toBeInstanceOf(ZipError);
  });

  it('refuses a truncated zip', async () => {
    const zip = await makeZip([
      { name: 'README.md', data: 'x'.repeat(5000) },
      { name: 'a.txt', data: 'y' },
    ]);
    await expect(listZip(zip.subarray(0, zip.length - 30))).rejects.toBeInstanceOf(ZipError);
  });
});

describe('"Each zip file containing the code must include a README file"', () => {
  const names = (...n: string[]) => n.map((name) => ({ name, directory: name.endsWith('/') }));

  it('finds a README at the root of a zip made with yazl', async () => {
    const listing = await listZip(
      await makeZip([
        { name: 'README.md', data: 'steps' },
        { name: 'main.c', data: 'int main(){}' },
      ]),
    );
    expect(readmeAtRoot(listing.entries)).toEqual({ found: true, path: 'README.md', root: '' });
  });

  it('refuses a zip without a README', async () => {
    const listing = await listZip(
      await makeZip([
        { name: 'main.c', data: 'int main(){}' },
        { name: 'docs/README.md', data: 'deep' },
      ]),
    );
    expect(readmeAtRoot(listing.entries)).toEqual({ found: false, path: null, root: null });
  });

  it('accepts README, README.md and README.txt in any case', () => {
    for (const name of ['README', 'readme.md', 'ReadMe.TXT', 'README.markdown', 'README.rst']) {
      expect(readmeAtRoot(names(name, 'a.py')).found).toBe(true);
    }
    expect(readmeAtRoot(names('READ_ME.md', 'a.py')).found).toBe(false);
    expect(readmeAtRoot(names('README.pdf', 'a.py')).found).toBe(false);
  });

  it('accepts a README inside the single top-level folder a "Compress folder" produces, ignoring __MACOSX', () => {
    expect(
      readmeAtRoot(
        names('project/', 'project/README.md', 'project/src/a.py', '__MACOSX/project/._README.md'),
      ),
    ).toEqual({
      found: true,
      path: 'project/README.md',
      root: 'project/',
    });
  });

  it('does not accept a README in one of several top-level folders', () => {
    expect(readmeAtRoot(names('project/README.md', 'other/a.py')).found).toBe(false);
  });

  it('does not take a folder named README for the file', () => {
    expect(readmeAtRoot(names('README/', 'README/notes.txt')).found).toBe(false);
  });
});

describe('zip bombs are refused from the declared sizes, without inflating anything', () => {
  it('flags 16 MiB of zeros squeezed into a few kilobytes by its ratio', async () => {
    const zip = await makeZip([
      { name: 'README.md', data: 'hi' },
      { name: 'zeros.bin', data: Buffer.alloc(16 * 1024 * 1024) },
    ]);
    expect(zip.length).toBeLessThan(64 * 1024);
    const listing = await listZip(zip);
    expect(listing.bomb).toBe(true);
    const ratio = listing.problems.find((p) => p.code === 'ratio');
    expect(ratio).toMatchObject({ code: 'ratio', entry: 'zeros.bin' });
    expect(ratio && 'ratio' in ratio ? ratio.ratio : 0).toBeGreaterThan(100);
  });

  it('flags a total declared size over the limit', async () => {
    const zip = await makeZip([
      { name: 'a.bin', data: Buffer.alloc(300_000, 7), store: true },
      { name: 'b.bin', data: Buffer.alloc(300_000, 9), store: true },
    ]);
    const listing = await listZip(zip, { maxTotalUncompressed: 500_000 });
    expect(listing.problems).toContainEqual({ code: 'too-large', bytes: 600_000 });
    expect(listing.bomb).toBe(true);
  });

  it('flags too many entries from the directory count, before reading them', async () => {
    const zip = await makeZip(Array.from({ length: 20 }, (_, i) => ({ name: `f${i}.txt`, data: 'x' })));
    const listing = await listZip(zip, { maxEntries: 10 });
    expect(listing.problems).toEqual([{ code: 'too-many-entries', count: 20 }]);
    expect(listing.entries).toEqual([]);
    expect(listing.bomb).toBe(true);
  });

  it('lets an ordinary code archive through', async () => {
    const source = Array.from(
      { length: 200 },
      (_, i) => `def f${i}(x):\n    return x * ${i} + ${(i * 7) % 13}\n`,
    ).join('');
    const listing = await listZip(
      await makeZip([
        { name: 'README.md', data: 'run: python main.py' },
        { name: 'main.py', data: source },
      ]),
    );
    expect(listing.bomb).toBe(false);
  });
});

describe('unsafe entry names are flagged, never followed', () => {
  it('flags "../../evil.txt" inside an archive', async () => {
    const forged = patchBytes(
      await makeZip([
        { name: 'README.md', data: 'x' },
        { name: 'aa/aa/evil.txt', data: 'pwn' },
      ]),
      'aa/aa/evil',
      '../../evil',
    );
    const listing = await listZip(forged);
    expect(listing.entries.map((e) => e.name)).toContain('../../evil.txt');
    expect(listing.problems).toContainEqual({ code: 'unsafe-path', entry: '../../evil.txt' });
    expect(listing.unsafe).toBe(true);
    expect(listing.bomb).toBe(false);
  });

  it('flags absolute and drive-letter names', () => {
    expect(isUnsafeEntryName('/etc/passwd')).toBe(true);
    expect(isUnsafeEntryName('C:/Windows/system.ini')).toBe(true);
    expect(isUnsafeEntryName('..\\..\\boot.ini')).toBe(true);
    expect(isUnsafeEntryName('src/../../x')).toBe(true);
    expect(isUnsafeEntryName('src/..hidden/ok.txt')).toBe(false);
  });

  it('flags symbolic links', async () => {
    const listing = await listZip(await makeZip([{ name: 'link', data: '/etc/passwd', mode: 0o120777 }]));
    expect(listing.problems).toContainEqual({ code: 'symlink', entry: 'link' });
  });
});
