// What staff read before acting: the course's extensions, and one owner's every version of a deliverable with reviews and the counted one.
import { presentedReadings } from '../../domain/demo-deliverables.js';
import { isAfter } from '../../domain/due.js';
import { extensionFor } from '../../domain/extensions.js';
import { effectiveDue } from '../../domain/lateness.js';
import { groupObligation, obligationFor } from '../../domain/obligations.js';
import { findEnrollment } from '../../storage/repositories/enrollments.js';
import { findGroupOfUser } from '../../storage/repositories/groups.js';
import {
  findUsers,
  listActiveStudents,
  listGroupsWithMembers,
  listRoleHolders,
} from '../../storage/repositories/work-people.js';
import { listSlotHolders } from '../../storage/repositories/talk-slots.js';
import { listCountedChoicesOf, listExtensionRows } from '../../storage/repositories/work.js';
import { authorize } from '../enrollment/course-access.js';
import { groupMemberPeriods, loadCoursePeriods, personPeriods } from '../enrollment/periods.js';
import { DomainError } from '../errors.js';
import { findDeliverable, regularDue, slotOf, type WorkCourse, type WorkDeps } from './context.js';
import { detailsOf, handInKey, loadHandIns } from './status.js';
import { extensionsFromRows } from './submit.js';
import type {
  ExtensionList,
  ExtensionView,
  OccasionView,
  OwnerHandIns,
  SlotView,
} from '../../contracts/staff-work.js';

export type { ExtensionList, OwnerHandIns };

/** Every extension of the course, newest first, with names (staff). */
export async function listExtensions(
  deps: Pick<WorkDeps, 'db' | 'clock'>,
  work: WorkCourse,
): Promise<ExtensionList> {
  authorize(work.access, 'viewAllSubmissions');
  const rows = await listExtensionRows(deps.db, work.course.id);
  const students = await listActiveStudents(deps.db, work.course.id);
  const groups = await listGroupsWithMembers(deps.db, work.course.id);
  const people = new Map(
    (
      await findUsers(deps.db, [
        ...new Set(
          rows.flatMap((r) => [r.granted_by, ...(r.target_kind === 'student' ? [r.target_id] : [])]),
        ),
      ])
    ).map((u) => [u.id, u.name]),
  );
  const groupNames = new Map(groups.map((g) => [g.id, g.name]));
  const extensions = rows
    .map((r): ExtensionView => {
      const spec = work.deliverables.find((d) => d.spec.key === r.deliverable_key)?.spec;
      let regular: string | null;
      try {
        regular = spec ? regularDue(work.course, spec, r.meeting_date) : null;
      } catch {
        regular = null; // The class was removed by a re-import since.
      }
      return {
        id: r.id,
        deliverableKey: r.deliverable_key,
        deliverableTitle: spec?.title ?? r.deliverable_key,
        meetingDate: r.meeting_date,
        target: {
          kind: r.target_kind,
          id: r.target_id,
          name:
            (r.target_kind === 'group' ? groupNames.get(r.target_id) : people.get(r.target_id)) ??
            'someone no longer here',
        },
        owner:
          r.target_kind === 'group' && spec?.audience === 'individual'
            ? null
            : `${r.target_kind === 'group' ? 'g' : 'u'}:${r.target_id}`,
        regularDueAt: regular,
        dueAt: r.due_at,
        reason: r.reason,
        grantedBy: people.get(r.granted_by) ?? 'staff',
        grantedAt: r.granted_at,
      };
    })
    .sort((a, b) => b.grantedAt.localeCompare(a.grantedAt) || b.id.localeCompare(a.id));
  return {
    timeZone: work.course.timeZone,
    now: deps.clock().toISOString(),
    extensions,
    students: students.map((s) => ({ id: s.id, name: s.name })),
    groups: groups.map((g) => ({ id: g.id, name: g.name, members: g.members.map((m) => m.name) })),
  };
}

const OWNER = /^([ug]):([0-9A-Za-z]{1,40})$/;

/** One owner's (student's or group's) hand-ins of a deliverable: every version of every occasion, reviews, the counted one (staff). */
export async function ownerHandIns(
  deps: Pick<WorkDeps, 'db'>,
  work: WorkCourse,
  key: string,
  owner: string,
  filter: { meetingDate?: string | null },
  now: Date,
): Promise<OwnerHandIns> {
  authorize(work.access, 'viewAllSubmissions');
  const { spec } = findDeliverable(work, key);
  const match = OWNER.exec(owner);
  if (!match)
    throw new DomainError('invalid_input', 'The owner is "u:<student id>" or "g:<group id>".', {
      field: 'owner',
    });
  const [, kind, id] = match as unknown as [string, 'u' | 'g', string];
  if (spec.audience === 'group' && kind !== 'g')
    throw new DomainError('invalid_input', `"${spec.title}" is group work: ask for a group ("g:<id>").`, {
      field: 'owner',
      reason: 'wrong-target',
    });
  if (spec.audience === 'individual' && kind !== 'u')
    throw new DomainError(
      'invalid_input',
      `"${spec.title}" is individual work: ask for a student ("u:<id>").`,
      { field: 'owner', reason: 'wrong-target' },
    );

  const groups = await listGroupsWithMembers(deps.db, work.course.id);
  let who: OwnerHandIns['owner'];
  if (kind === 'g') {
    const group = groups.find((g) => g.id === id);
    if (!group) throw new DomainError('not_found', 'No such group in this course.');
    who = {
      id: owner,
      kind: 'group',
      name: group.name,
      members: group.members.map((m) => m.name),
      groupId: group.id,
    };
  } else {
    const enrollment = await findEnrollment(deps.db, work.course.id, id);
    if (!enrollment || enrollment.role !== 'student')
      throw new DomainError('not_found', 'No such student in this course.');
    const [user] = await findUsers(deps.db, [id]);
    const group = await findGroupOfUser(deps.db, work.course.id, id);
    who = {
      id: owner,
      kind: 'student',
      name: user?.name ?? 'Student',
      members: [],
      groupId: group?.id ?? null,
    };
  }

  const handIns = await loadHandIns(deps.db, work.course.id, { deliverableKey: key, owners: [owner] });
  const allVersions = [...handIns.values()].flatMap((h) => h.versions);
  const details = await detailsOf(
    deps.db,
    allVersions.map((v) => v.id),
  );
  const choices = new Map(
    (await listCountedChoicesOf(deps.db, work.course.id, key, owner)).map((c) => [c.slot, c]),
  );
  const people = new Map(
    (
      await findUsers(deps.db, [
        ...new Set([
          ...allVersions.map((v) => v.user_id),
          ...[...details.reviews.values()].flat().map((r) => r.author_id),
          ...[...choices.values()].map((c) => c.set_by),
        ]),
      ])
    ).map((u) => [u.id, u.name]),
  );
  const extensions = extensionsFromRows(await listExtensionRows(deps.db, work.course.id));
  const holdsRole = spec.holder === 'presenter' || spec.holder === 'summarizer' || spec.holder === 'slot';
  // Talk slots count like roles (holder 'slot'), as in the status table.
  const roles = holdsRole
    ? [
        ...(await listRoleHolders(deps.db, work.course.id)),
        ...(await listSlotHolders(deps.db, work.course.id)),
      ]
    : [];
  const nowIso = now.toISOString();
  const periods = await loadCoursePeriods(deps.db, work.course.id);

  const dates: Array<string | null> = spec.perMeeting ? spec.meetingDates : [null];
  const occasions: OccasionView[] = [];
  for (const date of dates) {
    if (filter.meetingDate !== undefined && filter.meetingDate !== null && date !== filter.meetingDate)
      continue;
    const meeting = date === null ? undefined : work.course.meetings.find((m) => m.date === date);
    if (date !== null && !meeting) continue;
    const slots =
      spec.perReading && meeting
        ? presentedReadings(meeting).map((r, i) => ({
            slot: slotOf(date, i),
            readingIndex: i as number | null,
            readingTitle: r.title as string | null,
          }))
        : [{ slot: slotOf(date, null), readingIndex: null, readingTitle: null }];
    const found = slots.map((s) => handIns.get(handInKey(key, s.slot, owner)));
    // Role work: only the classes the group holds the role at (or handed something in for).
    if (meeting && holdsRole) {
      const holds = roles.some(
        (r) => r.meeting_id === meeting.id && r.role === spec.holder && r.group_id === who.groupId,
      );
      if (!holds && found.every((h) => !h)) continue;
    }
    const regular = regularDue(work.course, spec, date);
    const extension = extensionFor(extensions, spec, date, {
      userId: kind === 'u' ? id : '',
      groupId: who.groupId,
    });
    const due = effectiveDue(regular, spec, extension);
    const slotViews: SlotView[] = slots.map((s, i) => {
      const h = found[i];
      const choice = choices.get(s.slot);
      return {
        ...s,
        versions: (h?.versions ?? []).map((v) => ({
          id: v.id,
          version: v.version,
          submittedAt: v.submitted_at,
          submittedBy: people.get(v.user_id) ?? 'a student',
          late: v.late === 1,
          outcome: v.outcome,
          lateByMs: v.late_by_ms,
          dueAt: v.due_at,
          size: v.size,
          sha256: v.sha256,
          files: (details.files.get(v.id) ?? []).map((f) => ({
            name: f.name,
            type: f.type,
            size: f.size,
            pages: f.pages,
          })),
          text: v.text,
          warnings: JSON.parse(v.warnings) as string[],
          reviews: (details.reviews.get(v.id) ?? []).map((r) => ({
            id: r.id,
            decision: r.decision,
            body: r.body,
            author: people.get(r.author_id) ?? 'staff',
            at: r.created_at,
            resubmitBy: r.resubmit_until ?? null,
          })),
          counted: h?.counted?.id === v.id,
        })),
        countedId: h?.counted?.id ?? null,
        chosenByStaff:
          h?.chosenByStaff && choice ? { by: people.get(choice.set_by) ?? 'staff', at: choice.set_at } : null,
      };
    });
    const counted = found.map((h) => h?.counted ?? null);
    let state: OccasionView['state'];
    if (counted.every((c) => c !== null))
      state = counted.some((c) => c!.outcome === 'late-zero')
        ? 'zero'
        : counted.some((c) => c!.late === 1)
          ? 'late'
          : 'done';
    else {
      const obligation =
        kind === 'g'
          ? groupObligation(groupMemberPeriods(periods, id), regular)
          : obligationFor(personPeriods(periods, id), regular);
      state = obligation !== 'owed' ? obligation : isAfter(nowIso, due) ? 'missing' : 'open';
    }
    occasions.push({
      meetingDate: date,
      meetingTitle: meeting?.title ?? null,
      regularDueAt: regular,
      effectiveDueAt: due,
      extension: extension ? { id: extension.id, dueAt: extension.dueAt, reason: extension.reason } : null,
      state,
      slots: slotViews,
    });
  }
  if (filter.meetingDate && occasions.length === 0)
    throw new DomainError(
      'not_found',
      `"${spec.title}" is not due from ${who.name} for a class on ${filter.meetingDate.slice(0, 10)}.`,
    );
  return {
    timeZone: work.course.timeZone,
    now: nowIso,
    deliverable: {
      key: spec.key,
      kind: spec.kind,
      title: spec.title,
      audience: spec.audience,
      needsApproval: spec.needsApproval,
      perMeeting: spec.perMeeting,
      lateRule: spec.lateRule,
    },
    owner: who,
    occasions,
  };
}
