// Keeps presented course bodies in memory per (course id, version, next meeting, abilities); one version probe per request keeps instances in step.
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import type { CourseDetail } from '../../contracts/course.js';
import type { StoredCourse } from '../../domain/stored-course.js';
import { presentCourseDetail } from './course.js';

export interface CachedBody {
  /** Serialized JSON body, encoded once (UTF-8). */
  body: Buffer;
  /** Weak ETag (the body is sent identity, gzip or br): changes with the course version, the next meeting, and the viewer's abilities. */
  etag: string;
  /** Compressed copies, made on first use and kept with the body (compressing 40 KB per request dominated the route). */
  encoded: Partial<Record<'br' | 'gzip', Buffer>>;
}

/** The body in the encoding the client prefers among br and gzip, compressed once per cached body. */
export function encodedBody(
  cached: CachedBody,
  acceptEncoding: string | undefined,
): { encoding: 'br' | 'gzip' | null; body: Buffer } {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .toLowerCase()
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || !/^\s*q\s*=\s*0(\.0*)?\s*$/.test(q))
      .map(([name]) => name!.trim()),
  );
  const encoding = accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : null;
  if (!encoding) return { encoding: null, body: cached.body };
  let body = cached.encoded[encoding];
  if (!body) {
    body =
      encoding === 'br'
        ? brotliCompressSync(cached.body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } })
        : gzipSync(cached.body, { level: 6 });
    cached.encoded[encoding] = body;
  }
  return { encoding, body };
}

interface Entry {
  courseId: string;
  version: number;
  /** The body without the parts that vary per request. */
  base: Omit<CourseDetail, 'nextMeetingId' | 'abilities'>;
  /** End instants (ms) of the meetings with class, in order, for the next-meeting lookup. */
  ends: Array<{ id: string; endsAt: number }>;
  bodies: Map<string, CachedBody>;
}

const MAX_COURSES = 200;
const MAX_VARIANTS = 32;

/**
 * Not a source of truth: every request first reads the course's (id, version) from the
 * database, so a re-import through any instance is served by every instance on its next request.
 */
export class CourseBodyCache {
  private readonly entries = new Map<string, Entry>();

  /** True when the cached presentation of `slug` is of this stored version. */
  has(slug: string, courseId: string, version: number): boolean {
    const entry = this.entries.get(slug);
    return entry !== undefined && entry.courseId === courseId && entry.version === version;
  }

  /** Presents `course` once and keeps it (replacing older versions). */
  store(course: StoredCourse, now: Date): void {
    const { nextMeetingId: _n, abilities: _a, ...base } = presentCourseDetail(course, now);
    this.entries.delete(course.slug);
    const ends = base.meetings
      .filter((m) => m.endsAt !== null)
      .map((m) => ({ id: m.id, endsAt: Date.parse(m.endsAt!) }));
    this.entries.set(course.slug, {
      courseId: course.id,
      version: course.version,
      base,
      ends,
      bodies: new Map(),
    });
    if (this.entries.size > MAX_COURSES) this.entries.delete(this.entries.keys().next().value!);
  }

  /** The body for this moment and viewer, or null when `slug` is not cached. */
  body(slug: string, now: Date, abilities: Record<string, boolean>): CachedBody | null {
    const entry = this.entries.get(slug);
    if (!entry) return null;
    const t = now.getTime();
    const next = entry.ends.find((m) => m.endsAt > t)?.id ?? null;
    const abilityKey = Object.keys(abilities)
      .sort()
      .map((k) => `${k}=${abilities[k] ? 1 : 0}`)
      .join(',');
    const key = `${next ?? '-'}|${abilityKey}`;
    let cached = entry.bodies.get(key);
    if (!cached) {
      const detail: CourseDetail = { ...entry.base, nextMeetingId: next, abilities };
      cached = {
        body: Buffer.from(JSON.stringify(detail)),
        etag: `W/"${entry.courseId}.${entry.version}.${next ?? '-'}.${hash(abilityKey)}"`,
        encoded: {},
      };
      if (entry.bodies.size >= MAX_VARIANTS) entry.bodies.clear();
      entry.bodies.set(key, cached);
    }
    return cached;
  }
}

/** Short non-cryptographic hash (FNV-1a) for ETag suffixes. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
