// Reads the course staff from a table ("| Member (NetID) | Role | Office Hours |") or from "**Instructor**: …" lines.
import type { StaffMember } from '../domain/course.js';
import { daysBefore, findTimeRange } from './dates.js';
import type { Table } from './tables.js';
import { collapse, findLinks, plain } from './text.js';

const NAME_HEADER = /\b(member|name|staff|instructor|who|person|people|team)\b/i;
const ROLE_HEADER = /\b(role|position|title)\b/i;
const HOURS_HEADER = /\b(office hours?|hours|oh)\b/i;
const PLACE_HEADER = /\b(office|location|room|where)\b/i;
const NETID_HEADER = /\b(net ?id|id|e-?mail|email)\b/i;

export function isStaffTable(table: Table): boolean {
  const h = table.header.map((x) => plain(x));
  return h.some((x) => NAME_HEADER.test(x)) && h.some((x) => ROLE_HEADER.test(x) || HOURS_HEADER.test(x));
}

/** "W 11:00 AM – 12:00 PM" out of "3128 Siebel Center. W 11:00 AM – 12:00 PM": the part from the days on. */
export function splitOfficeHours(text: string): { location: string | null; hours: string | null } {
  const t = collapse(plain(text));
  if (t === '') return { location: null, hours: null };
  const range = findTimeRange(t);
  if (!range) return { location: t.replace(/[.,;]+$/, '') || null, hours: null };
  const days = daysBefore(t, range.index);
  const from = days ? days.start : range.index;
  const location = t
    .slice(0, from)
    .replace(/[\s.,;:\-–—]+$/, '')
    .replace(/^(in|at)\s+/i, '');
  return { location: location || null, hours: t.slice(from).trim() };
}

function roleOf(text: string): string {
  const r = plain(text).toLowerCase();
  if (/^(ta|tas|teaching assistants?|course assistants?|graduate teaching assistants?)$/.test(r)) return 'ta';
  if (/^(instructors?|professor|prof\.?|lecturer)$/.test(r)) return 'instructor';
  return r || 'staff';
}

/** "[Fan Lai](https://fanlai.me/) (fanlai)" -> name, url, netId. */
export function readNameCell(cell: string): { name: string; url: string | null; netId: string | null } {
  const links = findLinks(cell);
  const link = links.find((l) => !l.url.startsWith('mailto:')) ?? null;
  let rest = cell;
  let name: string;
  if (link) {
    name = plain(link.text);
    rest = cell.slice(0, link.start) + cell.slice(link.end);
  } else {
    name = '';
  }
  let netId: string | null = null;
  const mail = links.find((l) => l.url.startsWith('mailto:'));
  const paren = /\(\s*([A-Za-z][A-Za-z0-9._-]*)(?:@[A-Za-z0-9.-]+)?\s*\)/.exec(rest);
  if (paren) {
    netId = paren[1]!;
    rest = rest.slice(0, paren.index) + rest.slice(paren.index + paren[0]!.length);
  } else if (mail) {
    netId = mail.url.slice(7).split('@')[0] || null;
  }
  if (!link) name = collapse(plain(rest.replace(/\[[^\]]*\]\([^)]*\)/g, '')));
  return { name, url: link ? link.url : null, netId };
}

export function readStaffTable(table: Table): StaffMember[] {
  const h = table.header.map((x) => plain(x));
  const nameCol = h.findIndex((x) => NAME_HEADER.test(x));
  const roleCol = h.findIndex((x) => ROLE_HEADER.test(x));
  const hoursCol = h.findIndex((x) => HOURS_HEADER.test(x));
  const placeCol = h.findIndex((x, k) => k !== hoursCol && PLACE_HEADER.test(x));
  const idCol = h.findIndex((x, k) => k !== nameCol && NETID_HEADER.test(x));
  const staff: StaffMember[] = [];
  for (const row of table.rows) {
    const cell = (k: number): string => (k >= 0 ? (row.cells[k]! ?? '') : '');
    const who = readNameCell(cell(nameCol));
    if (who.name === '') continue;
    let netId = who.netId;
    if (!netId && idCol >= 0) {
      const id = plain(cell(idCol)).split('@')[0]!.trim();
      netId = id || null;
    }
    const oh = splitOfficeHours(cell(hoursCol));
    let location = oh.location;
    if (placeCol >= 0 && plain(cell(placeCol)) !== '') location = plain(cell(placeCol));
    staff.push({
      name: who.name,
      url: who.url,
      netId,
      role: roleCol >= 0 ? roleOf(cell(roleCol)) : 'staff',
      officeHours: oh.hours,
      officeLocation: location,
    });
  }
  return staff;
}

const ROLE_LABEL = /^(instructors?|professor|lecturer|teaching assistants?|tas?|course staff)$/i;

/** "**Instructor**: [Name](url) (netid), office hours W 11-12 in 3128 Siebel" */
export function readStaffLine(label: string, rest: string): StaffMember[] | null {
  if (!ROLE_LABEL.test(label)) return null;
  const role = roleOf(label.replace(/s$/i, ''));
  return rest
    .split(/;|<br\s*\/?>/i)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const who = readNameCell(part.split(/,|—|–/)[0]!);
      const tail = part.slice(part.split(/,|—|–/)[0]!.length).replace(/^[\s,—–]+/, '');
      const oh = splitOfficeHours(tail.replace(/^office hours:?\s*/i, ''));
      return {
        name: who.name,
        url: who.url,
        netId: who.netId,
        role,
        officeHours: oh.hours,
        officeLocation: oh.hours ? oh.location : null,
      };
    })
    .filter((s) => s.name !== '');
}
