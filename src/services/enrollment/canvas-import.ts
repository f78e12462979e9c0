// Canvas roster or gradebook export in: students matched by SIS Login ID or e-mail, previewed (matched, unmatched and why, what changes), then applied in one transaction.
import { createHash } from 'node:crypto';
import {
  decodeSpreadsheetText,
  readCsvRecords,
  type CsvRecord,
  type TextEncodingName,
} from '../../files/csv.js';
import type { Db } from '../../storage/db.js';
import { listCanvasIds, setCanvasIds, type CanvasIdsRow } from '../../storage/repositories/enrollments.js';
import { recordAudit } from '../audit/record-audit.js';
import type { RequestMeta } from '../auth/context.js';
import type { Account } from '../auth/users.js';
import { DomainError } from '../errors.js';
import { authorize, type CourseAccess } from './course-access.js';
import { ROSTER_MAX_BYTES, ROSTER_MAX_ROWS } from './roster-csv.js';

const ID_MAX = 100;
type Column = 'name' | 'canvasId' | 'sisUserId' | 'sisLoginId' | 'section' | 'email';
const HEADERS: Record<string, Column> = {
  student: 'name',
  name: 'name',
  id: 'canvasId',
  'sis user id': 'sisUserId',
  'sis login id': 'sisLoginId',
  'login id': 'sisLoginId',
  section: 'section',
  email: 'email',
  'e-mail': 'email',
  'email address': 'email',
};
const EXPECTED = 'Student, ID, SIS User ID, SIS Login ID, Section (a Canvas gradebook or roster export)';

export type CanvasField = 'canvasId' | 'sisUserId' | 'sisLoginId';

export interface CanvasMatch {
  line: number;
  userId: string;
  name: string;
  email: string;
  matchedBy: 'sis-login-id' | 'email';
  changes: Array<{ field: CanvasField; from: string | null; to: string }>;
}

export interface CanvasUnmatched {
  line: number;
  name: string;
  sisLoginId: string;
  email: string;
  why: string;
}

export interface CanvasPlan {
  matched: CanvasMatch[];
  unmatched: CanvasUnmatched[];
  /** Active students of the course that no row of the file names. */
  notInFile: Array<{ userId: string; name: string; email: string }>;
  counts: { matched: number; changed: number; unmatched: number; notInFile: number };
  /** Whether confirming would change anything. */
  applicable: boolean;
  fingerprint: string;
  encoding: TextEncodingName;
}

interface CanvasRow {
  line: number;
  name: string;
  canvasId: string;
  sisUserId: string;
  sisLoginId: string;
  email: string;
}

function readCanvasCsv(bytes: Uint8Array): { rows: CanvasRow[]; encoding: TextEncodingName } {
  const fail = (message: string) => new DomainError('invalid_input', message, { field: 'file' });
  if (bytes.length === 0) throw fail(`The file is empty. Expected a header line: ${EXPECTED}.`);
  if (bytes.length > ROSTER_MAX_BYTES) throw fail('The file is larger than 1 MB; split it.');
  const decoded = decodeSpreadsheetText(bytes);
  if (!decoded)
    throw fail('This does not look like a CSV text file. Export the gradebook from Canvas as CSV.');
  const read = readCsvRecords(decoded.text);
  if (!read.ok) throw fail(read.message);
  const [header, ...body] = read.records;
  const columns = (header?.cells ?? []).map((h) => HEADERS[h.trim().toLowerCase()] ?? null);
  if (!columns.includes('name') || !(columns.includes('sisLoginId') || columns.includes('email')))
    throw fail(
      `This is not a Canvas export: the header needs Student and SIS Login ID (or Email). Expected: ${EXPECTED}.`,
    );
  if (body.length > ROSTER_MAX_ROWS) throw fail(`At most ${ROSTER_MAX_ROWS} rows per file; split it.`);
  const cell = (r: CsvRecord, c: Column) => {
    const i = columns.indexOf(c);
    return i < 0 ? '' : (r.cells[i] ?? '').trim();
  };
  const rows = body
    // Canvas's second and third rows: points possible, and sometimes the mute/read-only markers.
    .filter((r) => !/^points possible$/i.test((r.cells[0] ?? '').trim()) && (r.cells[0] ?? '').trim() !== '')
    .map((r) => ({
      line: r.line,
      name: cell(r, 'name'),
      canvasId: cell(r, 'canvasId'),
      sisUserId: cell(r, 'sisUserId'),
      sisLoginId: cell(r, 'sisLoginId'),
      email: cell(r, 'email'),
    }));
  return { rows, encoding: decoded.encoding };
}

const lower = (s: string | null) => (s ?? '').trim().toLowerCase();

/** Which enrollment a row names: by SIS Login ID (as stored, or the e-mail or NetID it usually is), else by e-mail. */
function findPerson(
  row: CanvasRow,
  people: readonly CanvasIdsRow[],
): { person: CanvasIdsRow; by: CanvasMatch['matchedBy'] } | null {
  const login = lower(row.sisLoginId);
  if (login) {
    const person =
      people.find((p) => lower(p.sis_login_id) === login) ??
      people.find((p) => lower(p.email) === login) ??
      people.find((p) => p.net_id !== null && lower(p.net_id) === login);
    if (person) return { person, by: 'sis-login-id' };
  }
  const email = lower(row.email);
  const person = email ? people.find((p) => lower(p.email) === email) : undefined;
  return person ? { person, by: 'email' } : null;
}

/** What confirming the file would do, without writing. Throws invalid_input when the file as a whole is unreadable. */
export async function planCanvasImport(db: Db, access: CourseAccess, bytes: Uint8Array): Promise<CanvasPlan> {
  authorize(access, 'manageRoster');
  const { rows, encoding } = readCanvasCsv(bytes);
  const people = await listCanvasIds(db, access.course.id);
  const matched: CanvasMatch[] = [];
  const unmatched: CanvasUnmatched[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const miss = (why: string) =>
      unmatched.push({ line: row.line, name: row.name, sisLoginId: row.sisLoginId, email: row.email, why });
    const long = (['canvasId', 'sisUserId', 'sisLoginId'] as const).find((f) => row[f].length > ID_MAX);
    if (long) {
      miss(
        `The ${long === 'canvasId' ? 'ID' : long === 'sisUserId' ? 'SIS User ID' : 'SIS Login ID'} is longer than ${ID_MAX} characters.`,
      );
      continue;
    }
    if (/^test student$/i.test(row.name) || /^student,\s*test$/i.test(row.name)) {
      miss('Canvas’s test student; it has no place here.');
      continue;
    }
    if (!row.sisLoginId && !row.email) {
      miss('The row has neither a SIS Login ID nor an e-mail to match by.');
      continue;
    }
    const found = findPerson(row, people);
    if (!found) {
      miss(
        `No one in this course has the SIS Login ID, e-mail or NetID “${(row.sisLoginId || row.email).slice(0, 60)}”.`,
      );
      continue;
    }
    const { person, by } = found;
    if (person.role !== 'student') {
      miss(`${person.name} is ${person.role === 'ta' ? 'a TA' : 'an instructor'} here, not a student.`);
      continue;
    }
    if (person.dropped_at !== null) {
      miss(`${person.name} was dropped from this course; restore them first.`);
      continue;
    }
    const earlier = seen.get(person.user_id);
    if (earlier !== undefined) {
      miss(`Line ${earlier} already matched ${person.name}.`);
      continue;
    }
    seen.set(person.user_id, row.line);
    const stored: Record<CanvasField, string | null> = {
      canvasId: person.canvas_id,
      sisUserId: person.sis_user_id,
      sisLoginId: person.sis_login_id,
    };
    // An empty cell keeps what is stored: a gradebook export without SIS columns erases nothing.
    const changes = (['canvasId', 'sisUserId', 'sisLoginId'] as const)
      .filter((f) => row[f] !== '' && row[f] !== stored[f])
      .map((f) => ({ field: f, from: stored[f], to: row[f] }));
    matched.push({
      line: row.line,
      userId: person.user_id,
      name: person.name,
      email: person.email,
      matchedBy: by,
      changes,
    });
  }
  const notInFile = people
    .filter((p) => p.role === 'student' && p.dropped_at === null && !seen.has(p.user_id))
    .map((p) => ({ userId: p.user_id, name: p.name, email: p.email }));
  const changed = matched.filter((m) => m.changes.length > 0).length;
  const fingerprint = createHash('sha256')
    .update(JSON.stringify({ matched, unmatched }))
    .digest('hex')
    .slice(0, 32);
  return {
    matched,
    unmatched,
    notInFile,
    counts: { matched: matched.length, changed, unmatched: unmatched.length, notInFile: notInFile.length },
    applicable: changed > 0,
    fingerprint,
    encoding,
  };
}

/**
 * Confirms the preview: recomputed from the same file and refused if it no longer matches the
 * fingerprint; then every matched student's Canvas ids in one transaction, audited. Unmatched rows
 * change nothing.
 */
export async function applyCanvasImport(
  db: Db,
  now: Date,
  access: CourseAccess,
  actor: Account,
  bytes: Uint8Array,
  fingerprint: string,
  meta: RequestMeta,
): Promise<{ plan: CanvasPlan; updated: number }> {
  const plan = await planCanvasImport(db, access, bytes);
  if (plan.fingerprint !== fingerprint)
    throw new DomainError(
      'conflict',
      'The roster changed since your preview. Preview the file again, then confirm.',
    );
  const at = now.toISOString();
  const people = new Map((await listCanvasIds(db, access.course.id)).map((p) => [p.user_id, p]));
  const changed = plan.matched.filter((m) => m.changes.length > 0);
  await db.transaction().execute(async (trx) => {
    for (const m of changed) {
      const p = people.get(m.userId)!;
      const next = (f: CanvasField, stored: string | null) =>
        m.changes.find((c) => c.field === f)?.to ?? stored;
      await setCanvasIds(trx, access.course.id, m.userId, {
        canvas_id: next('canvasId', p.canvas_id),
        sis_user_id: next('sisUserId', p.sis_user_id),
        sis_login_id: next('sisLoginId', p.sis_login_id),
        updated_at: at,
      });
    }
    await recordAudit(trx, now, {
      actor: { id: actor.id, email: actor.email },
      courseId: access.course.id,
      action: 'canvas-roster-imported',
      details: { matched: plan.counts.matched, changed: changed.length, unmatched: plan.counts.unmatched },
      ...meta,
    });
  });
  return { plan, updated: changed.length };
}
