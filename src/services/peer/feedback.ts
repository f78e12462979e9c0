// Peer feedback use cases: the classes open to rate, one class's form and summary (names for staff only), a rating, staff's weight.
import { ulid } from 'ulid';
import { toDecimal, type Ratio } from '../../domain/exact.js';
import { obligationWithin } from '../../domain/obligations.js';
import {
  isPeerWindowOpen,
  PEER_COMMENT_MAX,
  PEER_RUBRIC,
  PEER_SCALE,
  peerScoresProblem,
  peerSummary,
  peerWeightProblem,
  type PeerRatingBlocker,
} from '../../domain/peer-feedback.js';
import { parseDecimal } from '../../domain/exact.js';
import { renderMarkdown } from '../../markdown/render.js';
import { listMemberships, listStudentEnrollments, transactional } from '../../storage/repositories/grades.js';
import {
  listPeerRatingRows,
  upsertPeerRatingRow,
  upsertPeerSettingsRow,
  type PeerRatingRow,
} from '../../storage/repositories/peer-feedback.js';
import { auditStaffAction } from '../assignment/audit-staff.js';
import { abilitiesOf, authorize } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';
import type { WorkCourse, WorkDeps } from '../work/context.js';
import {
  BLOCKER_WORDS,
  findPeerClass,
  loadPeerCourse,
  loadPeerSettings,
  presented,
  raterBlocker,
  scoresOf,
  type PeerClass,
  type PeerCourse,
} from './context.js';

type Deps = Pick<WorkDeps, 'db' | 'clock'>;

const decimal = (r: Ratio | null) => (r === null ? null : toDecimal(r));

function isStaff(work: WorkCourse): boolean {
  return abilitiesOf(work.access).grade;
}

function presentClass(cls: PeerClass, now: string) {
  return {
    date: cls.date,
    title: cls.title,
    opensAt: cls.window.opensAt,
    closesAt: cls.window.closesAt,
    open: isPeerWindowOpen(cls.window, now),
  };
}

/**
 * What presenters (and staff) read of a class: how many rated, the median per criterion, the peer
 * score, and the comments — for presenters without who wrote them, in an order (by text) that says
 * nothing of when or by whom either.
 */
function presentSummary(rows: readonly PeerRatingRow[]) {
  const s = peerSummary(rows.map(scoresOf));
  return {
    count: s.count,
    medians: Object.fromEntries(Object.entries(s.medians).map(([k, v]) => [k, decimal(v)])),
    percent: s.fraction === null ? null : toDecimal({ n: s.fraction.n * 100n, d: s.fraction.d }),
    comments: rows
      .map((r) => r.comment.trim())
      .filter((c) => c !== '')
      .map((c) => renderMarkdown(c))
      .sort(),
  };
}

const rubric = () => ({ criteria: PEER_RUBRIC, scale: PEER_SCALE, commentMax: PEER_COMMENT_MAX });

/** The student-led classes with their windows: for a student, whether they may rate each and whether they did. */
export async function listPeerFeedback(deps: Deps, work: WorkCourse) {
  authorize(work.access, 'viewPrivate');
  const now = deps.clock().toISOString();
  const pc = await loadPeerCourse(deps.db, work.course);
  const rows = await listPeerRatingRows(deps.db, work.course.id);
  const base = { now, timeZone: work.course.timeZone, rubric: rubric() };
  if (isStaff(work)) {
    const settings = await loadPeerSettings(deps.db, work.course.id);
    return {
      ...base,
      view: 'staff' as const,
      settings: { counts: settings.counts, weight: settings.weightText },
      abilities: { editSettings: abilitiesOf(work.access).manageCourse },
      classes: pc.classes.map((c) => ({
        ...presentClass(c, now),
        ratings: rows.filter((r) => r.meeting_date === c.date).length,
      })),
    };
  }
  const me = work.access.viewer!.userId;
  const groupId = work.group?.id ?? null;
  return {
    ...base,
    view: 'student' as const,
    classes: pc.classes.map((c) => {
      const blocker = raterBlocker(pc, c, me, groupId, now);
      return {
        ...presentClass(c, now),
        presenter: blocker === 'presenter',
        blocker,
        rated: rows.some((r) => r.meeting_date === c.date && r.rater_id === me),
      };
    }),
  };
}

async function classRows(deps: Deps, work: WorkCourse, date: string) {
  const pc = await loadPeerCourse(deps.db, work.course);
  const cls = findPeerClass(pc, date);
  return { pc, cls, rows: await listPeerRatingRows(deps.db, work.course.id, cls.date) };
}

/** Everyone asked to rate a class: students enrolled when it started who did not present it. */
async function askedOf(deps: Deps, work: WorkCourse, pc: PeerCourse, cls: PeerClass) {
  const [students, memberships] = await Promise.all([
    listStudentEnrollments(deps.db, work.course.id),
    listMemberships(deps.db, work.course.id),
  ]);
  const groupOf = new Map(memberships.map((m) => [m.user_id, m.group_id]));
  return students.filter(
    (s) =>
      obligationWithin(pc.periods.enrollment.get(s.id) ?? [], cls.start) === 'owed' &&
      !presented(pc, cls, s.id, groupOf.get(s.id) ?? null),
  );
}

/**
 * One class's feedback. Staff: every rating with its rater, who has not rated, the summary.
 * A student: their own rating and whether they may change it; a presenter: the summary without names.
 */
export async function classFeedback(deps: Deps, work: WorkCourse, date: string) {
  authorize(work.access, 'viewPrivate');
  const now = deps.clock().toISOString();
  const { pc, cls, rows } = await classRows(deps, work, date);
  const base = { now, timeZone: work.course.timeZone, rubric: rubric(), class: presentClass(cls, now) };
  if (isStaff(work)) {
    const asked = await askedOf(deps, work, pc, cls);
    const names = new Map(asked.map((s) => [s.id, s]));
    const all = await listStudentEnrollments(deps.db, work.course.id);
    const person = (id: string) => all.find((s) => s.id === id);
    return {
      ...base,
      view: 'staff' as const,
      summary: presentSummary(rows),
      ratings: rows.map((r) => ({
        rater: {
          id: r.rater_id,
          name: person(r.rater_id)?.name ?? '',
          email: person(r.rater_id)?.email ?? '',
        },
        scores: scoresOf(r),
        comment: r.comment,
        commentHtml: r.comment.trim() === '' ? '' : renderMarkdown(r.comment),
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      })),
      notRated: [...names.values()]
        .filter((s) => !rows.some((r) => r.rater_id === s.id))
        .map((s) => ({ id: s.id, name: s.name })),
    };
  }
  const me = work.access.viewer!.userId;
  const blocker = raterBlocker(pc, cls, me, work.group?.id ?? null, now);
  const mine = rows.find((r) => r.rater_id === me);
  return {
    ...base,
    view: 'student' as const,
    presenter: blocker === 'presenter',
    blocker,
    blockerMessage: blocker === null ? null : BLOCKER_WORDS[blocker],
    mine: mine ? { scores: scoresOf(mine), comment: mine.comment, updatedAt: mine.updated_at } : null,
    summary: blocker === 'presenter' ? presentSummary(rows) : null,
  };
}

function blockerErrorOf(blocker: PeerRatingBlocker): DomainError {
  const code = blocker === 'not-yet-open' || blocker === 'closed' ? 'conflict' : 'forbidden';
  return new DomainError(code, BLOCKER_WORDS[blocker], { blocker });
}

/** A classmate's rating of a class, new or changed, while the window is open. */
export const rateClass = transactional(async function rateClass(
  deps: Deps,
  work: WorkCourse,
  date: string,
  input: { scores: Record<string, unknown>; comment?: string | undefined },
) {
  authorize(work.access, 'submitWork');
  const problem = peerScoresProblem(input.scores);
  if (problem) throw new DomainError('invalid_input', problem);
  const comment = (input.comment ?? '').trim();
  if (comment.length > PEER_COMMENT_MAX)
    throw new DomainError('invalid_input', `Keep the comment under ${PEER_COMMENT_MAX} characters.`);
  const now = deps.clock().toISOString();
  const pc = await loadPeerCourse(deps.db, work.course);
  const cls = findPeerClass(pc, date);
  const me = work.access.viewer!.userId;
  const blocker = raterBlocker(pc, cls, me, work.group?.id ?? null, now);
  if (blocker) throw blockerErrorOf(blocker);
  await upsertPeerRatingRow(deps.db, {
    id: ulid(),
    course_id: work.course.id,
    meeting_date: cls.date,
    rater_id: me,
    scores: JSON.stringify(Object.fromEntries(PEER_RUBRIC.map((c) => [c.key, input.scores[c.key]]))),
    comment,
    created_at: now,
    updated_at: now,
  });
  return classFeedback(deps, work, cls.date);
});

/** Staff choose whether the peer median enters the presentation's score, and its weight; audited. */
export const editPeerSettings = transactional(async function editPeerSettings(
  deps: Deps,
  work: WorkCourse,
  patch: { counts?: boolean | undefined; weight?: string | undefined },
) {
  authorize(work.access, 'manageCourse');
  const before = await loadPeerSettings(deps.db, work.course.id);
  let weight = before.weight;
  if (patch.weight !== undefined) {
    const parsed = parseDecimal(patch.weight);
    if (parsed === null)
      throw new DomainError(
        'invalid_input',
        'Peer weight: give a percent from 0 to 100, such as 20 or 12.5.',
      );
    const problem = peerWeightProblem(parsed);
    if (problem) throw new DomainError('invalid_input', problem);
    weight = parsed;
  }
  const counts = patch.counts ?? before.counts;
  const now = deps.clock();
  await upsertPeerSettingsRow(deps.db, {
    course_id: work.course.id,
    counts: counts ? 1 : 0,
    weight: toDecimal(weight),
    updated_at: now.toISOString(),
  });
  await auditStaffAction(deps.db, now, work.access, 'peer-weight-changed', null, {
    counts,
    weight: toDecimal(weight),
    from: { counts: before.counts, weight: before.weightText },
  });
  return { settings: { counts, weight: toDecimal(weight) } };
});
