// Staff views: per class (questions, slides and summary status, attendance) and per deliverable (everyone's status).
import { presentedReadings } from '../../domain/demo-deliverables.js';
import { isAfter } from '../../domain/due.js';
import { extensionFor } from '../../domain/extensions.js';
import { effectiveDue } from '../../domain/lateness.js';
import { groupObligation, obligationFor, type Obligation } from '../../domain/obligations.js';
import { listExtensionRows } from '../../storage/repositories/work.js';
import {
  listActiveStudents,
  listGroupsWithMembers,
  listRoleHolders,
} from '../../storage/repositories/work-people.js';
import { listSlotHolders } from '../../storage/repositories/talk-slots.js';
import { meetingRoll } from '../attendance/roll.js';
import { authorize } from '../enrollment/course-access.js';
import { groupMemberPeriods, loadCoursePeriods, personPeriods } from '../enrollment/periods.js';
import {
  findDeliverable,
  findMeeting,
  meetingTimes,
  regularDue,
  slotOf,
  type WorkCourse,
  type WorkDeps,
} from '../work/context.js';
import { receiptOf, type Receipt } from '../work/receipt.js';
import { detailsOf, handInKey, loadHandIns, type HandIn } from '../work/status.js';
import { extensionsFromRows } from '../work/submit.js';

/** 'before-joined' / 'not-member': nothing handed in, and it was not the owner's to hand in (obligationFor). */
export type CellState = 'done' | 'late' | 'zero' | 'missing' | 'open' | 'before-joined' | 'not-member';

export interface StatusCell {
  occasion: string | null;
  state: CellState;
  receipt: Receipt | null;
  versions: number;
  review: { decision: string; body: string } | null;
  /** The group does not hold the role at that class (nothing is due from it). */
  notHeld?: boolean;
  /** Staff chose the counted version by hand. */
  chosenByStaff?: boolean;
  /** An extension granted for this owner and occasion (the latest), shown in the table. */
  extension?: { id: string; dueAt: string } | null;
}

function cellOf(
  h: HandIn | undefined,
  due: string,
  now: Date,
  title: string,
  files: Map<string, Array<{ name: string; type: string; size: number; pages: number | null }>>,
  reviews: Map<string, Array<{ decision: string; body: string }>>,
  occasion: string | null,
  obligation: Obligation = 'owed',
): StatusCell {
  if (!h || !h.counted)
    return {
      occasion,
      state: obligation !== 'owed' ? obligation : isAfter(now.toISOString(), due) ? 'missing' : 'open',
      receipt: null,
      versions: 0,
      review: null,
    };
  const receipt = receiptOf(h.counted, { title }, files.get(h.counted.id) ?? []);
  const state: CellState = receipt.outcome === 'late-zero' ? 'zero' : receipt.late ? 'late' : 'done';
  return {
    occasion,
    state,
    receipt,
    versions: h.versions.length,
    review: reviews.get(h.counted.id)?.at(-1) ?? null,
    chosenByStaff: h.chosenByStaff,
  };
}

export interface MeetingDashboard {
  meetingDate: string;
  meetingTitle: string | null;
  start: string;
  end: string;
  questions: {
    deadline: string;
    readings: string[];
    students: Array<{
      userId: string;
      name: string;
      handedIn: number;
      needed: number;
      late: boolean;
      /** Whether the questions were the student's to hand in (enrolled by the deadline). */
      obligation: Obligation;
    }>;
  } | null;
  roles: Array<{
    deliverableKey: string;
    title: string;
    dueAt: string;
    groups: Array<{ groupId: string; name: string; members: string[]; cell: StatusCell }>;
  }>;
  attendance: { taken: boolean; counts: Record<string, number> };
}

export async function meetingDashboard(
  deps: Pick<WorkDeps, 'db'>,
  work: WorkCourse,
  meetingDate: string,
  now: Date,
): Promise<MeetingDashboard> {
  authorize(work.access, 'viewAllSubmissions');
  const meeting = findMeeting(work.course, meetingDate);
  const { start, end } = meetingTimes(work.course, meeting);
  const handIns = await loadHandIns(deps.db, work.course.id, { meetingDate });
  const details = await detailsOf(
    deps.db,
    [...handIns.values()].map((h) => h.counted!.id),
  );
  const students = await listActiveStudents(deps.db, work.course.id);
  const groups = await listGroupsWithMembers(deps.db, work.course.id);
  const periods = await loadCoursePeriods(deps.db, work.course.id);
  // Talk slots count like roles (holder 'slot').
  const roles = [
    ...(await listRoleHolders(deps.db, work.course.id)),
    ...(await listSlotHolders(deps.db, work.course.id)),
  ];

  let questions: MeetingDashboard['questions'] = null;
  const q = work.deliverables.find((d) => d.spec.key === 'question')?.spec;
  if (q && q.meetingDates.includes(meetingDate)) {
    const readings = presentedReadings(meeting).map((r) => r.title);
    const deadline = regularDue(work.course, q, meetingDate);
    questions = {
      deadline,
      readings,
      students: students.map((s) => {
        const hs = readings
          .map((_, i) => handIns.get(handInKey('question', slotOf(meetingDate, i), `u:${s.id}`)))
          .filter((h) => h?.counted);
        return {
          userId: s.id,
          name: s.name,
          handedIn: hs.length,
          needed: readings.length,
          late: hs.some((h) => h!.counted!.late === 1),
          obligation: obligationFor(personPeriods(periods, s.id), deadline),
        };
      }),
    };
  }

  const roleViews: MeetingDashboard['roles'] = [];
  for (const { spec } of work.deliverables) {
    if (!spec.perMeeting || spec.key === 'question' || !spec.meetingDates.includes(meetingDate)) continue;
    const due = regularDue(work.course, spec, meetingDate);
    const holders = roles
      .filter((r) => r.meeting_id === meeting.id && r.role === spec.holder)
      .map((r) => r.group_id);
    const files = new Map(
      [...details.files].map(([id, fs]) => [
        id,
        fs.map((f) => ({ name: f.name, type: f.type, size: f.size, pages: f.pages })),
      ]),
    );
    roleViews.push({
      deliverableKey: spec.key,
      title: spec.title,
      dueAt: due,
      groups: groups
        .filter((g) => holders.includes(g.id))
        .map((g) => ({
          groupId: g.id,
          name: g.name,
          members: g.members.map((m) => m.name),
          cell: cellOf(
            handIns.get(handInKey(spec.key, slotOf(meetingDate, null), `g:${g.id}`)),
            due,
            now,
            spec.title,
            files,
            details.reviews,
            meetingDate,
            groupObligation(groupMemberPeriods(periods, g.id), due),
          ),
        })),
    });
  }
  const roll = await meetingRoll(deps, work, meetingDate).catch(() => null);
  return {
    meetingDate,
    meetingTitle: meeting.title,
    start,
    end,
    questions,
    roles: roleViews,
    attendance: { taken: roll?.taken ?? false, counts: roll?.counts ?? {} },
  };
}

export interface DeliverableTable {
  deliverableKey: string;
  title: string;
  audience: string;
  occasions: Array<{ key: string | null; label: string; dueAt: string }>;
  rows: Array<{ ownerId: string; name: string; members: string[]; cells: StatusCell[] }>;
}

/** Everyone's status on one deliverable: students (individual) or groups (group work) × its occasions. */
export async function deliverableTable(
  deps: Pick<WorkDeps, 'db'>,
  work: WorkCourse,
  key: string,
  now: Date,
): Promise<DeliverableTable> {
  authorize(work.access, 'viewAllSubmissions');
  const { spec } = findDeliverable(work, key);
  const handIns = await loadHandIns(deps.db, work.course.id, { deliverableKey: key });
  const details = await detailsOf(
    deps.db,
    [...handIns.values()].map((h) => h.counted!.id),
  );
  const files = new Map(
    [...details.files].map(([id, fs]) => [
      id,
      fs.map((f) => ({ name: f.name, type: f.type, size: f.size, pages: f.pages })),
    ]),
  );
  const occasions = (spec.perMeeting ? spec.meetingDates : [null])
    .filter((d) => d === null || work.course.meetings.some((m) => m.date === d))
    .map((d) => ({ key: d, label: d ?? spec.title, dueAt: regularDue(work.course, spec, d) }));
  const owners =
    spec.audience === 'group'
      ? (await listGroupsWithMembers(deps.db, work.course.id)).map((g) => ({
          ownerId: `g:${g.id}`,
          name: g.name,
          members: g.members.map((m) => m.name),
        }))
      : (await listActiveStudents(deps.db, work.course.id)).map((s) => ({
          ownerId: `u:${s.id}`,
          name: s.name,
          members: [] as string[],
        }));
  // Talk slots count like roles (holder 'slot').
  const roles = [
    ...(await listRoleHolders(deps.db, work.course.id)),
    ...(await listSlotHolders(deps.db, work.course.id)),
  ];
  const extensions = extensionsFromRows(await listExtensionRows(deps.db, work.course.id)).filter(
    (e) => e.deliverableKey === key,
  );
  const groupOfStudent = new Map<string, string>();
  if (spec.audience !== 'group' && extensions.some((e) => e.target.kind === 'group')) {
    for (const g of await listGroupsWithMembers(deps.db, work.course.id))
      for (const m of g.members) groupOfStudent.set(m.id, g.id);
  }
  const extensionOf = (ownerId: string, occasion: string | null) => {
    const id = ownerId.slice(2);
    const submitter = ownerId.startsWith('g:')
      ? { userId: '', groupId: id }
      : { userId: id, groupId: groupOfStudent.get(id) ?? null };
    const found = extensions.length === 0 ? null : extensionFor(extensions, spec, occasion, submitter);
    return found ? { id: found.id, dueAt: found.dueAt } : null;
  };
  const periods = await loadCoursePeriods(deps.db, work.course.id);
  // Whether the occasion was the owner's at its regular due instant: a student enrolled by then, a group with a member who was.
  const obligationOf = (ownerId: string, due: string): Obligation =>
    ownerId.startsWith('g:')
      ? groupObligation(groupMemberPeriods(periods, ownerId.slice(2)), due)
      : obligationFor(personPeriods(periods, ownerId.slice(2)), due);
  const rows = owners.map((o) => ({
    ...o,
    cells: occasions.map((occ) => {
      const extension = extensionOf(o.ownerId, occ.key);
      // Missing or still open is judged against the owner's own deadline (extension and grace applied).
      return {
        ...cellFor(
          o,
          { key: occ.key, dueAt: effectiveDue(occ.dueAt, spec, extension) },
          obligationOf(o.ownerId, occ.dueAt),
        ),
        extension,
      };
    }),
  }));
  return { deliverableKey: key, title: spec.title, audience: spec.audience, occasions, rows };

  function cellFor(
    o: { ownerId: string },
    occ: { key: string | null; dueAt: string },
    obligation: Obligation,
  ): StatusCell {
    if (spec.perReading && occ.key) {
      const meeting = work.course.meetings.find((m) => m.date === occ.key)!;
      const n = presentedReadings(meeting).length;
      const hs = Array.from({ length: n }, (_, i) =>
        handIns.get(handInKey(key, slotOf(occ.key, i), o.ownerId)),
      );
      const cells = hs.map((h) =>
        cellOf(h, occ.dueAt, now, spec.title, files, details.reviews, occ.key, obligation),
      );
      const worst =
        cells.find((c) => c.state === 'missing') ??
        cells.find((c) => c.state === 'open') ??
        cells.find((c) => c.state === 'before-joined' || c.state === 'not-member') ??
        cells.find((c) => c.state === 'late') ??
        cells[0]!;
      return { ...worst, versions: cells.reduce((a, c) => a + c.versions, 0) };
    }
    if ((spec.holder === 'presenter' || spec.holder === 'summarizer' || spec.holder === 'slot') && occ.key) {
      const meeting = work.course.meetings.find((m) => m.date === occ.key)!;
      const holds = roles.some(
        (r) => r.meeting_id === meeting.id && r.role === spec.holder && `g:${r.group_id}` === o.ownerId,
      );
      if (!holds)
        return {
          occasion: occ.key,
          state: 'open' as const,
          receipt: null,
          versions: 0,
          review: null,
          notHeld: true,
        };
    }
    return cellOf(
      handIns.get(handInKey(key, slotOf(occ.key, null), o.ownerId)),
      occ.dueAt,
      now,
      spec.title,
      files,
      details.reviews,
      occ.key,
      obligation,
    );
  }
}
