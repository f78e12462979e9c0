// The audit log as sentences people read: names instead of ids and e-mails, times in the course's zone with its abbreviation.
import { DateTime } from 'luxon';
import type { AuditAction } from '../../services/audit/record-audit.js';
import type { AuditBody } from '../../contracts/roster.js';
import type { AuditEntryView, AuditNameBook } from '../../services/audit/list-audit.js';

/** Names for what an entry refers to; each answers null when it does not know the thing. */
export interface AuditNames {
  /** A person by user id ("u:<id>" too) or e-mail. */
  person(ref: string): string | null;
  /** A group by id ("g:<id>" too). */
  group(ref: string): string | null;
  /** A deliverable by its key. */
  deliverable(key: string): string | null;
}

const noNames: AuditNames = { person: () => null, group: () => null, deliverable: () => null };

interface Say {
  /** Who did it: the actor's name, else e-mail, else "The system". */
  actor: string;
  /** The target read as a person (name, else as written). */
  person: string;
  /** An owner of work ("u:…" or "g:…"): the person's or group's name. */
  owner(ref: unknown): string;
  deliverable(key: unknown): string;
  /** "Nov 14, 5:00 PM CST" */
  time(iso: unknown): string;
  /** "Nov 12" of a local date "YYYY-MM-DD". */
  day(date: unknown): string;
  target: string;
  d: Record<string, unknown>;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const words = (key: string) =>
  key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase();
const ROLE_WORDS: Record<string, string> = { student: 'student', ta: 'TA', instructor: 'instructor' };
const role = (v: unknown) => ROLE_WORDS[str(v)] ?? (str(v) || 'none');

/** "Group 5 2024-11-12" (how group-and-day targets are written) → name and "Nov 12". */
function groupAndDay(target: string, day: (d: unknown) => string): { name: string; date: string } {
  const m = /^(.*?)\s*(\d{4}-\d{2}-\d{2})?$/.exec(target);
  return { name: m?.[1] || target, date: m?.[2] ? day(m[2]) : '' };
}

const SENTENCES: Record<AuditAction, (s: Say) => string> = {
  'sign-in': (s) => `${s.actor} signed in.`,
  'sign-in-failed': (s) =>
    `A sign-in as ${s.person || 'an unknown address'} failed (wrong password or address).`,
  'sign-out': (s) => `${s.actor} signed out.`,
  'sign-out-everywhere': (s) =>
    `${s.actor} signed out everywhere (${plural(num(s.d.sessionsEnded), 'session')} ended).`,
  'password-reset-requested': (s) => `A password reset was requested for ${s.person}.`,
  'password-reset': (s) => `${s.actor} set a new password with a reset link.`,
  'password-changed': (s) => `${s.actor} changed their password.`,
  'name-changed': (s) => `${s.actor} changed their name from “${str(s.d.from)}” to “${str(s.d.to)}”.`,
  'invitation-accepted': (s) => `${s.actor} accepted their invitation and chose a password.`,
  'admin-created': (s) => `${s.actor} set up this site as its first administrator.`,
  'course-created': (s) => `${s.actor} created the course ${s.target}.`,
  'syllabus-imported': (s) =>
    `${s.actor} imported a version of the syllabus (${plural(num(s.d.meetings), 'class', 'classes')}, ${plural(num(s.d.fixes), 'fix', 'fixes')} kept).`,
  'instructor-named': (s) => `${s.actor} named ${s.person} an instructor of the course.`,
  'join-link-created': (s) =>
    s.d.expiresAt
      ? `${s.actor} created a join link valid until ${s.time(s.d.expiresAt)}.`
      : `${s.actor} created a join link.`,
  'join-link-revoked': (s) => `${s.actor} revoked a join link.`,
  'joined-by-link': (s) =>
    `${s.person} joined the course with a join link${s.d.byEmail ? ' (address confirmed by e-mail)' : ''}.`,
  'roster-imported': (s) => {
    const counts = Object.entries(s.d)
      .filter(([, n]) => typeof n === 'number' && n > 0)
      .map(([k, n]) => `${words(k)} ${String(n)}`);
    return `${s.actor} imported a roster${counts.length ? ` (${counts.join(', ')})` : ''}.`;
  },
  'canvas-roster-imported': (s) =>
    `${s.actor} imported Canvas ids from a Canvas export (${String(s.d.changed ?? 0)} students updated, ${String(s.d.unmatched ?? 0)} rows unmatched).`,
  'role-changed': (s) => `${s.actor} changed ${s.person}’s role from ${role(s.d.from)} to ${role(s.d.to)}.`,
  'student-dropped': (s) => `${s.actor} dropped ${s.person} from the course.`,
  'student-restored': (s) => `${s.actor} restored ${s.person} to the course.`,
  'enrollment-start-set': (s) =>
    `${s.actor} set the date ${s.person}'s work is due from to ${str(s.d.to) || 'another date'}${str(s.d.from) ? ` (was ${str(s.d.from)})` : ''}.`,
  'groups-formed': (s) => {
    const made = Array.isArray(s.d.newGroups) ? s.d.newGroups.map(str).filter(Boolean) : [];
    return `${s.actor} formed groups automatically${made.length ? `, making ${made.join(', ')}` : ''}.`;
  },
  'group-member-moved': (s) => {
    const to = s.d.to ? s.owner(`g:${str(s.d.to)}`) : null;
    const from = str(s.d.from);
    return `${s.actor} moved ${s.person}${from ? ` from ${from}` : ''} ${to ? `to ${to}` : 'out of any group'}.`;
  },
  'roles-applied': (s) =>
    `${s.actor} applied a role plan: ${plural(num(s.d.roles), 'role')} (${num(s.d.added)} added, ${num(s.d.removed)} removed, ${num(s.d.changed)} changed).`,
  'role-edited': (s) => {
    const { name, date } = groupAndDay(s.target, s.day);
    const what = s.d.role ? `gave ${name} the ${words(str(s.d.role))} role` : `took ${name}’s role away`;
    return `${s.actor} ${what}${date ? ` for the class on ${date}` : ''}.`;
  },
  'roles-published': (s) => {
    const mailed = num(s.d.groupsMailed);
    return `${s.actor} published the roles to the students${mailed ? `, mailing the ${plural(mailed, 'group')} whose roles changed` : ''}.`;
  },
  'roles-unpublished': (s) => `${s.actor} took the published roles back.`,
  'assignment-settings-changed': (s) => {
    const parts = Object.entries(s.d)
      .filter(([k]) => k !== 'by')
      .map(([k, v]) =>
        k === 'groupDeadline'
          ? v
            ? `group deadline ${s.time(v)}`
            : 'no group deadline'
          : `${words(k)} ${v === null ? 'cleared' : str(v)}`,
      );
    return `${s.actor} changed the group and role settings${parts.length ? `: ${parts.join(', ')}` : ''}.`;
  },
  'deliverable-edited': (s) => {
    const fields = Array.isArray(s.d.fields) ? s.d.fields.map((f) => words(str(f))) : [];
    return `${s.actor} edited the rules of ${s.deliverable(s.target)}${fields.length ? ` (${fields.join(', ')})` : ''}.`;
  },
  'extension-granted': (s) =>
    `${s.actor} granted ${s.person} an extension on ${s.deliverable(s.d.deliverable)}${s.d.meetingDate ? ` for ${s.day(s.d.meetingDate)}` : ''} until ${s.time(s.d.dueAt)}.`,
  'extension-revoked': (s) => {
    const who = s.owner(`${s.d.targetKind === 'group' ? 'g' : 'u'}:${s.target}`);
    return `${s.actor} revoked ${who}’s extension on ${s.deliverable(s.d.deliverable)}${s.d.meetingDate ? ` for ${s.day(s.d.meetingDate)}` : ''}.`;
  },
  'submission-reviewed': (s) => {
    const verb =
      s.d.decision === 'approved' ? 'approved' : s.d.decision === 'returned' ? 'returned' : 'commented on';
    return `${s.actor} ${verb} version ${str(s.d.version)} of ${s.owner(s.target)}’s ${s.deliverable(s.d.deliverable)}.`;
  },
  'counted-version-chosen': (s) =>
    `${s.actor} chose version ${str(s.d.version)} of ${s.owner(s.target)}’s ${s.deliverable(s.d.deliverable)} as the one that counts.`,
  'counted-version-cleared': (s) =>
    `${s.actor} cleared the chosen version of ${s.owner(s.target)}’s ${s.deliverable(s.d.deliverable)} (the latest counts again).`,
  'talk-slots-applied': (s) =>
    `${s.actor} placed ${plural(num(s.d.placed), 'group')} in talk slots for ${s.deliverable(s.target)}${num(s.d.unplaced) ? ` (${num(s.d.unplaced)} not placed)` : ''}.`,
  'talk-slot-moved': (s) => {
    const { name, date } = groupAndDay(s.target, s.day);
    return `${s.actor} moved ${name}’s talk${date ? ` to ${date}` : ''}${s.d.startTime ? ` at ${str(s.d.startTime)}` : ''}.`;
  },
  'talk-slot-removed': (s) => {
    const { name, date } = groupAndDay(s.target, s.day);
    return `${s.actor} removed ${name}’s talk slot${date ? ` on ${date}` : ''}.`;
  },
  'talk-slots-published': (s) => `${s.actor} published the talk slots of ${s.deliverable(s.target)}.`,
  'talk-slots-unpublished': (s) => `${s.actor} took the talk slots of ${s.deliverable(s.target)} back.`,
  'talk-slot-settings-changed': (s) =>
    `${s.actor} set the talks of ${s.deliverable(s.target)} to ${plural(num(s.d.talkMinutes), 'minute')}.`,
  'grade-category-edited': (s) => `${s.actor} edited the grade category ${s.target}.`,
  'grade-settings-changed': (s) => `${s.actor} changed the grade settings.`,
  'grade-item-added': (s) => `${s.actor} added the grade item ${s.target}.`,
  'grade-item-edited': (s) => `${s.actor} edited the grade item ${s.target}.`,
  'grade-item-removed': (s) => `${s.actor} removed the grade item ${s.target}.`,
  'grade-overridden': (s) => `${s.actor} overrode the group score of ${s.target}.`,
  'grades-released': (s) => `${s.actor} released the grades of ${s.target}.`,
  'grades-unreleased': (s) => `${s.actor} took the release of ${s.target} back.`,
  'regrade-answered': (s) => `${s.actor} answered a regrade request of ${s.target}.`,
  'peer-weight-changed': (s) =>
    s.d.counts === true
      ? `${s.actor} set the peer median to count for ${str(s.d.weight)} % of each presentation’s score.`
      : `${s.actor} set peer feedback not to count in presentation scores.`,
  'discussion-post-hidden': (s) =>
    `${s.actor} hid ${s.d.opening === true ? 'the discussion' : 'a post in the discussion'} “${s.target}” from students.`,
  'discussion-post-shown': (s) =>
    `${s.actor} showed ${s.d.opening === true ? 'the discussion' : 'a post in the discussion'} “${s.target}” to students again.`,
  'course-edited': (s) => `${s.actor} edited the course: ${str(s.d.summary).replace(/\.$/, '')}.`,
};

/** The actions with a sentence of their own (the rest read as the generic sentence). */
export const AUDIT_SENTENCE_ACTIONS = Object.keys(SENTENCES) as AuditAction[];

/** One entry as a sentence, e.g. "Ada Lovelace granted Bo an extension on Summary for Nov 12 until Nov 14, 5:00 PM CST." */
export function auditSentence(entry: AuditEntryView, timeZone: string, names: AuditNames = noNames): string {
  const d = entry.details ?? {};
  const target = entry.target ?? '';
  const personOf = (ref: string) => names.person(ref) ?? ref;
  const actor =
    (entry.actorId ? names.person(entry.actorId) : null) ??
    (entry.actor ? personOf(entry.actor) : null) ??
    'The system';
  const say: Say = {
    actor,
    person: target ? personOf(target) : '',
    owner(ref) {
      const r = str(ref);
      if (r.startsWith('g:')) return names.group(r.slice(2)) ?? names.group(r) ?? 'a group';
      return names.person(r) ?? names.person(r.replace(/^u:/, '')) ?? r.replace(/^u:/, '');
    },
    deliverable: (key) => names.deliverable(str(key)) ?? (str(key) || 'a deliverable'),
    time(iso) {
      const t = DateTime.fromISO(str(iso), { zone: 'utc' }).setZone(timeZone);
      return t.isValid ? t.toFormat('LLL d, h:mm a ZZZZ') : str(iso);
    },
    day(date) {
      const t = DateTime.fromISO(str(date), { zone: timeZone });
      return t.isValid ? t.toFormat('LLL d') : str(date);
    },
    target,
    d,
  };
  const sentence = (SENTENCES as Record<string, ((s: Say) => string) | undefined>)[entry.action];
  if (sentence) return sentence(say);
  const what = words(entry.action);
  return `${actor} recorded “${what}”${target ? ` on ${say.person}` : ''}.`;
}

/** The names a page's book knows, as the sentences ask for them. */
export function namesFrom(book: AuditNameBook): AuditNames {
  return {
    person: (ref) => book.people.get(ref) ?? book.people.get(ref.replace(/^u:/, '')) ?? null,
    group: (ref) => book.groups.get(ref.replace(/^g:/, '')) ?? null,
    deliverable: (key) => book.deliverables.get(key) ?? null,
  };
}

/** A page of the audit log as the response body: each entry with its sentence and the name of who did it. */
export function presentAuditLog(page: {
  entries: AuditEntryView[];
  names: AuditNameBook;
  next: string | null;
}): AuditBody {
  const names = namesFrom(page.names);
  return {
    entries: page.entries.map(({ actorId, ...e }) => ({
      ...e,
      actorName: (actorId ? names.person(actorId) : null) ?? e.actor,
      sentence: auditSentence({ actorId, ...e }, e.timeZone, names),
    })),
    next: page.next,
  };
}
