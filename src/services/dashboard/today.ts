// Staff's "Today": the next class (roles, slides, questions), decisions waiting, rolls not yet taken.
import { byName, compareNames } from '../../domain/natural-order.js';
import { isAfter } from '../../domain/due.js';
import { listRolls } from '../../storage/repositories/attendance.js';
import { listReviewsOf } from '../../storage/repositories/work.js';
import {
  listActiveStudents,
  listGroupsWithMembers,
  listRoleHolders,
} from '../../storage/repositories/work-people.js';
import { abilitiesOf, authorize } from '../enrollment/course-access.js';
import { meetingTimes, type WorkCourse, type WorkDeps } from '../work/context.js';
import { loadHandIns } from '../work/status.js';
import { meetingDashboard } from './staff.js';
import type { TodayClass, TodayGroup, TodayView, WaitingItem, SemesterState } from '../../contracts/today.js';

export type { TodayView };

/** Classes that meet (not "no class" or buffer days), with their start and end instants, by date. */
function classesOf(work: WorkCourse) {
  return work.course.meetings
    .filter((m) => m.kind !== 'no_class' && m.kind !== 'buffer')
    .map((m) => ({ meeting: m, ...meetingTimes(work.course, m) }))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

export async function todayView(deps: Pick<WorkDeps, 'db'>, work: WorkCourse, now: Date): Promise<TodayView> {
  authorize(work.access, 'viewAllSubmissions');
  const at = now.toISOString();
  const classes = classesOf(work);
  const first = classes[0] ?? null;
  const last = classes.at(-1) ?? null;
  const state: SemesterState = !first
    ? 'no-classes'
    : isAfter(first.start, at)
      ? 'before'
      : isAfter(at, last!.end)
        ? 'after'
        : 'during';
  const next = classes.find((c) => isAfter(c.end, at)) ?? null;
  const nextClass = next ? await classView(deps, work, next, at, now) : null;

  const waiting = await waitingItems(deps, work);
  const rollsNotTaken = abilitiesOf(work.access).recordAttendance
    ? await missingRolls(deps, work, classes, at)
    : [];
  return {
    now: at,
    timeZone: work.course.timeZone,
    state,
    firstClass: first?.meeting.date ?? null,
    lastClass: last?.meeting.date ?? null,
    nextClass,
    waiting,
    rollsNotTaken,
    nothingWaits:
      waiting.length === 0 &&
      rollsNotTaken.length === 0 &&
      !(nextClass?.presenters.some((p) => p.slides === 'missing') ?? false),
  };
}

async function classView(
  deps: Pick<WorkDeps, 'db'>,
  work: WorkCourse,
  next: ReturnType<typeof classesOf>[number],
  at: string,
  now: Date,
): Promise<TodayClass> {
  const date = next.meeting.date;
  const board = await meetingDashboard(deps, work, date, now);
  const groups = new Map((await listGroupsWithMembers(deps.db, work.course.id)).map((g) => [g.id, g]));
  const holders = (await listRoleHolders(deps.db, work.course.id)).filter(
    (r) => r.meeting_id === next.meeting.id,
  );
  const holding = (role: string): TodayGroup[] =>
    byName(
      holders
        .filter((r) => r.role === role && groups.has(r.group_id))
        .map((r) => ({ groupId: r.group_id, name: groups.get(r.group_id)!.name })),
    );
  const slides = board.roles.find((r) => r.deliverableKey === 'slides') ?? null;
  const presenters = holding('presenter').map((g) => {
    const cell = slides?.groups.find((x) => x.groupId === g.groupId)?.cell ?? null;
    const state: TodayClass['presenters'][number]['slides'] = !cell
      ? 'none'
      : cell.state === 'done'
        ? 'in'
        : cell.state === 'late' || cell.state === 'zero'
          ? 'late'
          : cell.state === 'before-joined' || cell.state === 'not-member'
            ? 'none'
            : cell.state;
    return { ...g, slides: state };
  });
  // Only students who owed the questions (obligationFor at the deadline) are expected to hand them in.
  const owing = board.questions?.students.filter((s) => s.obligation === 'owed' || s.handedIn > 0) ?? [];
  const questions = board.questions
    ? {
        handedIn: owing.reduce((n, s) => n + s.handedIn, 0),
        expected: owing.reduce((n, s) => n + s.needed, 0),
        students: owing.length,
        complete: owing.filter((s) => s.needed > 0 && s.handedIn >= s.needed).length,
        dueAt: board.questions.deadline,
      }
    : null;
  return {
    meetingDate: date,
    title: next.meeting.title,
    start: next.start,
    end: next.end,
    inProgress: !isAfter(next.start, at),
    presenters,
    slidesKey: slides?.deliverableKey ?? null,
    slidesDueAt: slides?.dueAt ?? null,
    summarizers: holding('summarizer'),
    reviewers: holding('reviewer'),
    questions,
  };
}

/**
 * Hand-ins waiting for staff: a proposal whose latest version has no decision (approved or returned) yet,
 * and a late hand-in nobody has commented on. Oldest first, then by owner.
 */
async function waitingItems(deps: Pick<WorkDeps, 'db'>, work: WorkCourse): Promise<WaitingItem[]> {
  const handIns = await loadHandIns(deps.db, work.course.id);
  const counted = [...handIns.values()].filter((h) => h.counted);
  if (counted.length === 0) return [];
  const reviews = await listReviewsOf(
    deps.db,
    counted.flatMap((h) => h.versions.map((v) => v.id)),
  );
  const reviewed = new Map<string, string[]>();
  for (const r of reviews)
    reviewed.set(r.submission_id, [...(reviewed.get(r.submission_id) ?? []), r.decision]);
  const names = new Map<string, string>();
  for (const g of await listGroupsWithMembers(deps.db, work.course.id)) names.set(`g:${g.id}`, g.name);
  for (const s of await listActiveStudents(deps.db, work.course.id)) names.set(`u:${s.id}`, s.name);
  const specs = new Map(work.deliverables.map((d) => [d.spec.key, d.spec]));
  const out: WaitingItem[] = [];
  for (const h of counted) {
    const spec = specs.get(h.deliverableKey);
    if (!spec || !names.has(h.owner)) continue;
    const latest = h.versions.at(-1)!;
    const item = (kind: WaitingItem['kind'], row = latest): WaitingItem => ({
      kind,
      deliverableKey: spec.key,
      deliverableTitle: spec.title,
      meetingDate: h.meetingDate,
      owner: h.owner,
      ownerName: names.get(h.owner)!,
      submittedAt: row.submitted_at,
      version: row.version,
    });
    if (spec.needsApproval) {
      const decisions = reviewed.get(latest.id) ?? [];
      if (!decisions.includes('approved') && !decisions.includes('returned')) out.push(item('proposal'));
    } else if (h.counted!.late === 1 && (reviewed.get(h.counted!.id) ?? []).length === 0) {
      out.push(item('late', h.counted!));
    }
  }
  return out.sort(
    (a, b) =>
      (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0) ||
      compareNames(a.ownerName, b.ownerName),
  );
}

async function missingRolls(
  deps: Pick<WorkDeps, 'db'>,
  work: WorkCourse,
  classes: ReturnType<typeof classesOf>,
  at: string,
): Promise<TodayView['rollsNotTaken']> {
  const taken = new Set((await listRolls(deps.db, work.course.id)).map((r) => r.meeting_date));
  // One roll per class day (a poster session sharing a lecture's date shares its roll).
  const out: TodayView['rollsNotTaken'] = [];
  for (const c of classes) {
    if (isAfter(c.start, at) || taken.has(c.meeting.date)) continue;
    if (out.some((r) => r.meetingDate === c.meeting.date)) continue;
    out.push({ meetingDate: c.meeting.date, title: c.meeting.title, start: c.start });
  }
  return out;
}
