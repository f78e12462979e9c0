// Zip archives listed without unpacking: entries, README-at-root rule, zip-bomb and unsafe-name checks.
//
// Decision — README rule: a README counts when it sits at the archive's root, or inside the
// one top-level folder that holds everything else (what "Compress folder" produces on macOS,
// Windows and most desktops; macOS's __MACOSX/ and .DS_Store litter is ignored for this).
// Accepted names, in any case: README, README.md, README.markdown, README.txt, README.rst.
// A README deeper down (src/README.md) does not count: a grader opening the archive must see it.

import yauzl from 'yauzl';

export interface ZipLimits {
  /** Most entries listed; the count in the end-of-central-directory record is checked first. */
  maxEntries: number;
  /** Largest total declared uncompressed size, in bytes. */
  maxTotalUncompressed: number;
  /** Largest uncompressed/compressed ratio, per entry and for the whole archive. */
  maxRatio: number;
  /** Ratios are only judged for entries (or archives) at least this large uncompressed. */
  ratioMinBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = Object.freeze({
  maxEntries: 10_000,
  maxTotalUncompressed: 1024 * 1024 * 1024,
  maxRatio: 100,
  ratioMinBytes: 1024 * 1024,
});

export interface ZipEntryInfo {
  /** Decoded name, backslashes turned into slashes. */
  name: string;
  directory: boolean;
  compressedSize: number;
  uncompressedSize: number;
  encrypted: boolean;
  symlink: boolean;
  /** Absolute, drive-letter or "..": would escape the folder it is unpacked into. */
  unsafeName: boolean;
}

export type ZipProblem =
  | { code: 'too-many-entries'; count: number }
  | { code: 'too-large'; bytes: number }
  | { code: 'ratio'; entry: string | null; ratio: number }
  | { code: 'unsafe-path'; entry: string }
  | { code: 'symlink'; entry: string }
  | { code: 'encrypted'; entry: string };

export interface ZipListing {
  /** Entries read (all of them unless too-many-entries stopped the listing). */
  entries: ZipEntryInfo[];
  entryCount: number;
  totalCompressed: number;
  totalUncompressed: number;
  archiveBytes: number;
  problems: ZipProblem[];
  /** Any of too-many-entries, too-large, ratio: refuse the archive. */
  bomb: boolean;
  /** Any problem at all: bomb, unsafe paths, symlinks, encryption. */
  unsafe: boolean;
}

export class ZipError extends Error {
  override name = 'ZipError';
  constructor(
    readonly code: 'not-a-zip' | 'broken',
    message: string,
  ) {
    super(message);
  }
}

const BOMB_CODES = new Set<ZipProblem['code']>(['too-many-entries', 'too-large', 'ratio']);

/** Lists a zip held in memory or on disk without extracting anything. */
export async function listZip(source: Buffer | string, limits: Partial<ZipLimits> = {}): Promise<ZipListing> {
  const lim: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...limits };
  const options: yauzl.Options = { lazyEntries: true, decodeStrings: false, autoClose: true };
  let zipfile: yauzl.ZipFile;
  try {
    zipfile =
      typeof source === 'string'
        ? await yauzl.openPromise(source, options)
        : await yauzl.fromBufferPromise(source, options);
  } catch (err) {
    throw new ZipError('not-a-zip', `not a readable zip archive: ${(err as Error).message}`);
  }
  const archiveBytes = zipfile.fileSize;
  const problems: ZipProblem[] = [];
  const entries: ZipEntryInfo[] = [];
  const entryCount = zipfile.entryCount;
  if (entryCount > lim.maxEntries) {
    zipfile.close();
    problems.push({ code: 'too-many-entries', count: entryCount });
    return finish(entries, entryCount, archiveBytes, problems, lim);
  }
  await new Promise<void>((resolve, reject) => {
    zipfile.on('entry', (entry: yauzl.Entry) => {
      try {
        entries.push(describe(entry));
      } catch (err) {
        zipfile.close();
        reject(err as Error);
        return;
      }
      zipfile.readEntry();
    });
    zipfile.on('end', () => resolve());
    zipfile.on('error', (err: Error) => reject(new ZipError('broken', `broken zip archive: ${err.message}`)));
    zipfile.readEntry();
  });
  for (const e of entries) {
    if (e.unsafeName) problems.push({ code: 'unsafe-path', entry: e.name });
    if (e.symlink) problems.push({ code: 'symlink', entry: e.name });
    if (e.encrypted) problems.push({ code: 'encrypted', entry: e.name });
    if (e.uncompressedSize >= lim.ratioMinBytes) {
      const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
      if (ratio > lim.maxRatio) problems.push({ code: 'ratio', entry: e.name, ratio: Math.round(ratio) });
    }
  }
  return finish(entries, entryCount, archiveBytes, problems, lim);
}

function finish(
  entries: ZipEntryInfo[],
  entryCount: number,
  archiveBytes: number,
  problems: ZipProblem[],
  lim: ZipLimits,
): ZipListing {
  const totalCompressed = entries.reduce((n, e) => n + e.compressedSize, 0);
  const totalUncompressed = entries.reduce((n, e) => n + e.uncompressedSize, 0);
  if (totalUncompressed > lim.maxTotalUncompressed)
    problems.push({ code: 'too-large', bytes: totalUncompressed });
  if (totalUncompressed >= lim.ratioMinBytes) {
    const ratio = totalUncompressed / Math.max(1, archiveBytes);
    if (ratio > lim.maxRatio && !problems.some((p) => p.code === 'ratio')) {
      problems.push({ code: 'ratio', entry: null, ratio: Math.round(ratio) });
    }
  }
  return {
    entries,
    entryCount,
    totalCompressed,
    totalUncompressed,
    archiveBytes,
    problems,
    bomb: problems.some((p) => BOMB_CODES.has(p.code)),
    unsafe: problems.length > 0,
  };
}

function describe(entry: yauzl.Entry): ZipEntryInfo {
  const raw = entry.fileNameRaw;
  const decoded = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, false);
  // Control characters make a name unsafe to show; keep them visible as U+FFFD.
  // eslint-disable-next-line no-control-regex
  const name = decoded.replace(/[\u0000-\u001f\u007f]/g, '\uFFFD');
  const madeByUnix = entry.versionMadeBy >>> 8 === 3;
  const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
  return {
    name,
    directory: name.endsWith('/'),
    compressedSize: entry.compressedSize,
    uncompressedSize: entry.uncompressedSize,
    encrypted: (entry.generalPurposeBitFlag & 0x1) !== 0,
    symlink: madeByUnix && mode === 0o120000,
    unsafeName: isUnsafeEntryName(decoded),
  };
}

/** Absolute paths, drive letters and ".." segments would escape an extraction folder. */
export function isUnsafeEntryName(name: string): boolean {
  const n = name.replace(/\\/g, '/');
  if (n.startsWith('/') || /^[a-zA-Z]:/.test(n)) return true;
  if (n.includes('\u0000')) return true;
  return n.split('/').includes('..');
}

const README = /^readme(\.(md|markdown|txt|rst))?$/i;
const LITTER = (name: string) => name.startsWith('__MACOSX/') || /(^|\/)\.DS_Store$/.test(name);

export interface ReadmeCheck {
  found: boolean;
  /** Path of the README inside the archive. */
  path: string | null;
  /** '' for the archive root, or 'folder/' when everything sits in one top-level folder. */
  root: string | null;
}

/** Whether the archive holds a README at its root (see the rule at the top of this file). */
export function readmeAtRoot(entries: readonly Pick<ZipEntryInfo, 'name' | 'directory'>[]): ReadmeCheck {
  const files = entries.filter((e) => !e.directory && !LITTER(e.name));
  const atRoot = files.find((e) => !e.name.includes('/') && README.test(e.name));
  if (atRoot) return { found: true, path: atRoot.name, root: '' };
  const tops = new Set(entries.filter((e) => !LITTER(e.name)).map((e) => e.name.split('/')[0]));
  const onlyFolder = tops.size === 1 ? [...tops][0] : undefined;
  if (onlyFolder !== undefined && files.every((e) => e.name.startsWith(`${onlyFolder}/`))) {
    const inner = files.find((e) => {
      const rest = e.name.slice(onlyFolder.length + 1);
      return !rest.includes('/') && README.test(rest);
    });
    if (inner) return { found: true, path: inner.name, root: `${onlyFolder}/` };
  }
  return { found: false, path: null, root: null };
}
