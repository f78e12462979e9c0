// Reads a roster CSV (email, name, optional NetID and role) into rows and row-by-row problems; pure, no I/O.
import { decodeSpreadsheetText, readCsvRecords, type TextEncodingName } from '../../files/csv.js';
import { COURSE_ROLES, type CourseRole } from '../../domain/permissions.js';
import { nameProblem, normalizeEmail } from '../auth/identity.js';

export const ROSTER_MAX_BYTES = 1024 * 1024;
export const ROSTER_MAX_ROWS = 2000;
const NETID_MAX = 64;

export interface RosterRow {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  email: string;
  name: string;
  netId: string | null;
  role: CourseRole;
}

export interface RowProblem {
  line: number;
  /** The field at fault, or null for the whole row. */
  field: 'email' | 'name' | 'netId' | 'role' | null;
  message: string;
}

export type RosterParse =
  | { ok: true; rows: RosterRow[]; problems: RowProblem[]; encoding: TextEncodingName }
  | { ok: false; message: string };

const HEADER_ALIASES: Record<string, 'email' | 'name' | 'netId' | 'role'> = {
  email: 'email',
  'e-mail': 'email',
  'email address': 'email',
  name: 'name',
  'full name': 'name',
  netid: 'netId',
  'net id': 'netId',
  'net-id': 'netId',
  role: 'role',
};

const ROLE_ALIASES: Record<string, CourseRole> = {
  student: 'student',
  ta: 'ta',
  'teaching assistant': 'ta',
  instructor: 'instructor',
  professor: 'instructor',
};

export const EXPECTED_HEADERS =
  'email, name, netid (optional), role (optional: student, ta or instructor; default student)';

/** Decodes, parses and checks a roster file; problems name the line and field. Duplicate e-mails are problems on every later line. */
export function readRosterCsv(bytes: Uint8Array): RosterParse {
  if (bytes.length === 0)
    return { ok: false, message: 'The file is empty. Expected a header line: ' + EXPECTED_HEADERS + '.' };
  if (bytes.length > ROSTER_MAX_BYTES)
    return { ok: false, message: 'The file is larger than 1 MB; split the roster.' };
  const decoded = decodeSpreadsheetText(bytes);
  if (!decoded)
    return {
      ok: false,
      message: 'This does not look like a CSV text file. Export the roster from your spreadsheet as CSV.',
    };
  const read = readCsvRecords(decoded.text);
  if (!read.ok) return read;
  const table = read.records;
  const header = table[0]?.cells;
  if (!header)
    return { ok: false, message: 'The file has no header line. Expected: ' + EXPECTED_HEADERS + '.' };
  const columns = header.map(
    (h) =>
      HEADER_ALIASES[
        h
          .trim()
          .toLowerCase()
          .replace(/^\ufeff/, '')
      ] ?? null,
  );
  const unknown = header.filter((_, i) => columns[i] === null).map((h) => `"${h.trim().slice(0, 40)}"`);
  const missing = (['email', 'name'] as const).filter((c) => !columns.includes(c));
  const doubled = (['email', 'name', 'netId', 'role'] as const).filter(
    (c) => columns.filter((x) => x === c).length > 1,
  );
  if (unknown.length || missing.length || doubled.length) {
    const parts = [
      missing.length ? `missing ${missing.join(' and ')}` : '',
      unknown.length ? `unknown column ${unknown.join(', ')}` : '',
      doubled.length ? `repeated column ${doubled.join(', ')}` : '',
    ].filter(Boolean);
    return { ok: false, message: `Wrong header line (${parts.join('; ')}). Expected: ${EXPECTED_HEADERS}.` };
  }
  if (table.length - 1 > ROSTER_MAX_ROWS)
    return { ok: false, message: `At most ${ROSTER_MAX_ROWS} people per file; split the roster.` };

  const rows: RosterRow[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  const cell = (r: string[], col: 'email' | 'name' | 'netId' | 'role') => {
    const i = columns.indexOf(col);
    return i < 0 ? '' : (r[i] ?? '').trim();
  };
  table.slice(1).forEach(({ line, cells: r }) => {
    const before = problems.length;
    if (r.length > header.length && r.slice(header.length).some((c) => c.trim() !== '')) {
      problems.push({
        line,
        field: null,
        message: `This line has ${r.length} fields but the header has ${header.length}; check for an unquoted comma.`,
      });
    }
    const rawEmail = cell(r, 'email');
    const email = normalizeEmail(rawEmail);
    if (!email)
      problems.push({
        line,
        field: 'email',
        message: rawEmail
          ? `"${rawEmail.slice(0, 60)}" is not a valid e-mail address.`
          : 'The e-mail is missing.',
      });
    const name = cell(r, 'name');
    const nameIssue = nameProblem(name);
    if (nameIssue) problems.push({ line, field: 'name', message: nameIssue });
    const netId = cell(r, 'netId');
    if (netId.length > NETID_MAX || (netId && !/^[A-Za-z0-9._-]+$/.test(netId))) {
      problems.push({
        line,
        field: 'netId',
        message: `"${netId.slice(0, 40)}" is not a NetID (letters, digits, . _ -; at most ${NETID_MAX}).`,
      });
    }
    const rawRole = cell(r, 'role').toLowerCase();
    const role = rawRole === '' ? 'student' : ROLE_ALIASES[rawRole];
    if (!role)
      problems.push({
        line,
        field: 'role',
        message: `Unknown role "${rawRole.slice(0, 30)}": use ${COURSE_ROLES.join(', ')}.`,
      });
    if (email) {
      const first = seen.get(email);
      if (first !== undefined)
        problems.push({ line, field: 'email', message: `${email} already appears on line ${first}.` });
      else seen.set(email, line);
    }
    if (problems.length === before && email && role)
      rows.push({ line, email, name, netId: netId || null, role });
  });
  if (rows.length === 0 && problems.length === 0) {
    return { ok: false, message: 'The file has a header but no people.' };
  }
  return { ok: true, rows, problems, encoding: decoded.encoding };
}
