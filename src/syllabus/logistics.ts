// Reads the logistics lines: room and meeting pattern, staff, Q&A forum and staff e-mail.
import type { Link, MeetingPattern, StaffMember } from '../domain/course.js';
import { isListItem } from './blocks.js';
import { daysBefore, findTimeRange } from './dates.js';
import { readStaffLine } from './staff.js';
import { boldLabel, collapse, findLinks, plain } from './text.js';

export interface Logistics {
  location: string | null;
  pattern: MeetingPattern | null;
  forum: Link | null;
  staffEmail: string | null;
  staff: StaffMember[];
  /** 0-based lines of prose that say more than a link or a time (kept as the "Logistics" policy). */
  prose: number[];
}

/** Words left in a line once its label, links and e-mail addresses are taken out. */
function proseWords(text: string): number {
  const bare = plain(
    text.replace(/^\s*(\*\*|__)[^*_]+\1\s*:?/, '').replace(/\[[^\]]*\]\([^)]*\)/g, ' '),
  ).replace(EMAIL_G, ' ');
  return bare.split(/\s+/).filter((w) => /[A-Za-z]{2,}/.test(w)).length;
}

const FORUM_HOSTS =
  /(piazza\.com|edstem\.org|campuswire\.com|discord\.(gg|com)|slack\.com|zulipchat\.com|groups\.google\.com)/i;
const FORUM_LABEL =
  /^(forum|piazza|ed|ed discussion|ed stem|campuswire|discord|slack|zulip|q ?& ?a|discussion( board)?)$/i;
const WHEN_LABEL =
  /\b(lectures?|class(es)?|time|times|when|meets?|meetings?|sessions?|where|location|room|venue|place)\b/i;
const EMAIL = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/;
const EMAIL_G = new RegExp(EMAIL.source, 'g');

/** "Lectures:", "Meets", "Class meets", "Classes meet on": a label before the days, not a room. */
const MEETS_LABEL =
  /^(?:(?:the\s+)?(?:lectures?|class(?:es)?|course|seminar|sections?)\s*)?(?:meets?|meetings?|held|times?|when)?\s*(?:on|:)?\s*$/i;
/** "(CET)", "CT", "Eastern": a time zone written right after the time range. */
const ZONE_NOTE =
  /^\(?(?:[ECMP][SD]?T|CES?T|BST|AoE|UTC(?:[+-]\d{1,2})?|GMT(?:[+-]\d{1,2})?|(?:Central|Eastern|Pacific|Mountain)(?: Time)?)\)?(?=$|[\s,;])/;

/** "0216 Siebel Center for Computer Science, MW: 9:30 AM – 10:45 AM" -> room and pattern. */
export function readWhenWhere(text: string): { location: string | null; pattern: MeetingPattern | null } {
  const t = collapse(plain(text));
  const range = findTimeRange(t);
  if (!range) return { location: t.replace(/[.;]+$/, '') || null, pattern: null };
  const days = daysBefore(t, range.index);
  const from = days ? days.start : range.index;
  const before = t
    .slice(0, from)
    .replace(/[\s,;:\-–—|]+$/, '')
    .replace(MEETS_LABEL, '')
    .replace(/^(in|at)\s+/i, '');
  const after = t
    .slice(range.index + range.length)
    .replace(/^[\s,;:\-–—|]+/, '')
    .replace(ZONE_NOTE, '')
    .replace(/^[\s,;:\-–—|]+/, '')
    .replace(/^(in|at)\s+/i, '')
    .replace(/[.;]+$/, '')
    .replace(/^\((.*)\)$/, '$1');
  const location = before || after || null;
  const pattern = days ? { days: days.days, startTime: range.start, endTime: range.end } : null;
  return { location, pattern };
}

export function forumOf(text: string, label: string | null): Link | null {
  const links = findLinks(text).filter((l) => !l.url.startsWith('mailto:'));
  const hosted = links.find((l) => FORUM_HOSTS.test(l.url));
  if (hosted) return { label: plain(hosted.text) || label || 'Forum', url: hosted.url };
  if (label && FORUM_LABEL.test(label) && links.length > 0)
    return { label: plain(links[0]!.text) || label, url: links[0]!.url };
  return null;
}

export function emailOf(text: string): string | null {
  const mail = findLinks(text).find((l) => l.url.toLowerCase().startsWith('mailto:'));
  if (mail) return mail.url.slice(7).split('?')[0] ?? null;
  const m = EMAIL.exec(plain(text));
  return m ? m[0]! : null;
}

/**
 * Reads logistics paragraphs line by line (tables are handled by the caller). Lines that are more than a
 * label and a link or a time are kept as prose, for the "Logistics" policy.
 */
export function readLogistics(lines: string[], indexes: number[], out: Logistics): void {
  for (const i of indexes) {
    const raw = lines[i]!;
    if (raw.trim() === '') continue;
    const text = isListItem(raw) ? raw.replace(/^\s*([-*+]|\d+[.)])\s+/, '') : raw;
    const label = boldLabel(text);
    // "Instructor: Dr. Amara Okafor" without bold is as common as "**Instructor**: …" (only staff labels are read so).
    const plainLabel = label ? null : /^\s*([A-Za-z][A-Za-z .]{1,30}?)\s*:\s*(\S[\s\S]*)$/.exec(text);
    const staff = label
      ? readStaffLine(label.label, label.rest)
      : plainLabel
        ? readStaffLine(plainLabel[1]!, plainLabel[2]!.trim())
        : null;
    if (staff) {
      out.staff.push(...staff);
      continue;
    }
    // "**Time zone**: America/New_York" is read by zone.ts.
    if (label && /^time ?zone$/i.test(label.label)) continue;
    if (label) {
      if (WHEN_LABEL.test(label.label) && !FORUM_LABEL.test(label.label)) {
        const ww = readWhenWhere(label.rest);
        if (ww.pattern && !out.pattern) out.pattern = ww.pattern;
        if (ww.location && !out.location) out.location = ww.location;
        if (ww.pattern || ww.location) continue;
      }
    }
    const forum = forumOf(text, label?.label ?? null);
    const email = emailOf(text);
    if ((forum && !out.forum) || (email && !out.staffEmail)) {
      if (forum && !out.forum) out.forum = forum;
      else if (email && !out.staffEmail) out.staffEmail = email;
      if (proseWords(text) >= 4) out.prose.push(i);
      continue;
    }
    if (!out.pattern) {
      const ww = readWhenWhere(text);
      if (ww.pattern) {
        out.pattern = ww.pattern;
        if (ww.location && !out.location) out.location = ww.location;
        continue;
      }
    }
    if ((forum || email) && proseWords(text) < 4) continue;
    out.prose.push(i);
  }
}
