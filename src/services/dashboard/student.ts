// The student's "what is due": my questions, my group's slides/summary/project deadlines, what is late, misses left, receipts.
import { renderMarkdown } from '../../markdown/render.js';
import { questionDayDone, allowanceState, type AllowanceState } from '../../domain/allowances.js';
import {
  dueWithResubmission,
  effectiveDue,
  openResubmissionWindow,
  submissionBlocker,
  type ResubmissionWindow,
  type SubmissionBlocker,
} from '../../domain/lateness.js';
import type { LateRule } from '../../domain/deliverables.js';
import { extensionFor } from '../../domain/extensions.js';
import { isAfter } from '../../domain/due.js';
import { presentedReadings } from '../../domain/demo-deliverables.js';
import { listExtensionRows, hasAcknowledged } from '../../storage/repositories/work.js';
import { listGroupMembers } from '../../storage/repositories/groups.js';
import { listRoleHolders } from '../../storage/repositories/work-people.js';
import { listSlotHolders } from '../../storage/repositories/talk-slots.js';
import { attendanceOf } from '../attendance/roll.js';
import { authorize } from '../enrollment/course-access.js';
import {
  INTEGRITY_POLICY_KEY,
  integrityPolicyText,
  ownerOf,
  regularDue,
  slotOf,
  type WorkCourse,
  type WorkDeps,
} from '../work/context.js';
import { receiptOf, type Receipt } from '../work/receipt.js';
import { detailsOf, handInKey, loadHandIns } from '../work/status.js';
import { extensionsFromRows } from '../work/submit.js';
import type { DueVersion } from '../../contracts/work.js';
import { countdown } from './countdown.js';

export type { DueVersion };

export type DueState = 'open' | 'done' | 'late' | 'zero' | 'missed';

export interface DueItem {
  deliverableKey: string;
  title: string;
  kind: string;
  meetingDate: string | null;
  meetingTitle: string | null;
  dueAt: string;
  countdown: string;
  state: DueState;
  /** For questions: one per presented reading. */
  needed: number;
  handedIn: number;
  /** Reading titles a question is asked about (questions only). */
  readings: string[];
  receipts: Receipt[];
  /** Latest staff decision or comment on the newest version (null once a new version is handed in after one). */
  review: { decision: string; body: string; at: string } | null;
  /**
   * Work staff approve or return (the proposal): where the newest version stands — 'waiting' until
   * staff decide on it, even when an older version was returned; null for other work or before a hand-in.
   */
  decision: 'approved' | 'returned' | 'waiting' | null;
  /** While a return's resubmission window is open: the instant a new version is on time until. */
  resubmitBy: string | null;
  /** Every version handed in, newest first, each with the staff comments and decisions about it. */
  history: DueVersion[];
  acceptsFiles: boolean;
  acceptsText: boolean;
  /** Whether a hand-in after the deadline is still taken (late rule other than reject). */
  lateAccepted: boolean;
  /** What a late hand-in gets: accept (no mark), flag (marked for staff), zero (kept, scores zero), reject. */
  lateRule: LateRule;
  /** The due instant without the viewer's extension; differs from dueAt when staff granted one. */
  regularDueAt: string;
  extended: boolean;
  /** Why a hand-in would be refused right now ('late-rejected', 'closed', 'not-in-group'…), or null when it is taken. */
  blocker: SubmissionBlocker | null;
  /** Accepted file types (by content) and the size limit, for the upload field; empty/null when text only. */
  fileTypes: string[];
  maxBytes: number | null;
  maxTextChars: number | null;
  /** Things worth saying next to the deliverable ("The presentation is at most 40 minutes."). */
  notes: string[];
  needsApproval: boolean;
}

export interface StudentDashboard {
  now: string;
  /** The viewer's group with its members' names (the summary template's "Group:" line is filled from them). */
  group: { id: string; name: string; members: string[] } | null;
  policyAcknowledged: boolean;
  policy: string;
  policyHtml: string;
  items: DueItem[];
  questionAllowance: AllowanceState;
  attendanceAllowance: AllowanceState;
}

export async function studentDashboard(
  deps: Pick<WorkDeps, 'db'>,
  work: WorkCourse,
  now: Date,
): Promise<StudentDashboard> {
  authorize(work.access, 'viewOwnGrades');
  const userId = work.access.viewer!.userId;
  const groupId = work.group?.id ?? null;
  const owners = [`u:${userId}`, ...(groupId ? [`g:${groupId}`] : [])];
  const handIns = await loadHandIns(deps.db, work.course.id, { owners });
  const counted = [...handIns.values()].map((h) => h.counted).filter((c) => c !== null);
  const details = await detailsOf(
    deps.db,
    [...handIns.values()].flatMap((h) => h.versions.map((v) => v.id)),
  );
  // A talk slot counts like a role (holder 'slot'), once staff published the slots.
  const roles = [
    ...(await listRoleHolders(deps.db, work.course.id)),
    ...(await listSlotHolders(deps.db, work.course.id, { publishedOnly: true })),
  ];
  const extensions = extensionsFromRows(await listExtensionRows(deps.db, work.course.id));
  const nowIso = now.toISOString();
  const items: DueItem[] = [];
  const questionDays: Array<{ key: string; dueAt: string; done: boolean; excused: boolean }> = [];

  for (const { spec, closed } of work.deliverables) {
    const dates: Array<string | null> = spec.perMeeting ? spec.meetingDates : [null];
    for (const date of dates) {
      const meeting = date ? work.course.meetings.find((m) => m.date === date) : undefined;
      if (date && !meeting) continue;
      if (spec.holder === 'presenter' || spec.holder === 'summarizer' || spec.holder === 'slot') {
        if (
          !groupId ||
          !roles.some((r) => r.meeting_id === meeting!.id && r.role === spec.holder && r.group_id === groupId)
        )
          continue;
      }
      if (spec.audience === 'group' && spec.holder === 'group' && !groupId) {
        // Still listed: the student needs a group to hand it in.
      }
      const regular = regularDue(work.course, spec, date);
      const extension = extensionFor(extensions, spec, date, { userId, groupId });
      const owner = ownerOf(spec, userId, groupId);
      const slots =
        spec.perReading && meeting
          ? presentedReadings(meeting).map((_, i) => slotOf(date, i))
          : [slotOf(date, null)];
      const found = slots
        .map((s) => handIns.get(handInKey(spec.key, s, owner)))
        .filter((h) => h !== undefined);
      // A return's resubmission window moves the deadline of the next version.
      const windows: ResubmissionWindow[] = found.flatMap((h) =>
        h.versions.flatMap((v) =>
          (details.reviews.get(v.id) ?? [])
            .filter((r) => r.decision === 'returned' && r.resubmit_until)
            .map((r) => ({ openedAt: r.created_at, until: r.resubmit_until! })),
        ),
      );
      const due = dueWithResubmission(effectiveDue(regular, spec, extension), windows, nowIso);
      const receipts = found
        .map((h) => h.counted!)
        .map((c) =>
          receiptOf(
            c,
            spec,
            (details.files.get(c.id) ?? []).map((f) => ({
              name: f.name,
              type: f.type,
              size: f.size,
              pages: f.pages,
            })),
            undefined,
            work.course,
          ),
        );
      const onTime = receipts.filter((r) => !r.late).length;
      const past = isAfter(nowIso, due);
      let state: DueState;
      if (receipts.length >= slots.length)
        state = receipts.some((r) => r.outcome === 'late-zero')
          ? 'zero'
          : receipts.some((r) => r.late)
            ? 'late'
            : 'done';
      else state = past ? 'missed' : 'open';
      const reviewsOf = (id: string) =>
        (details.reviews.get(id) ?? []).map((r) => ({
          decision: r.decision,
          body: r.body,
          at: r.created_at,
        }));
      // What staff said about the newest version: a resubmission is not "returned" any more.
      const lastReview =
        found
          .flatMap((h) => reviewsOf(h.versions.at(-1)!.id))
          .sort((a, b) => a.at.localeCompare(b.at))
          .at(-1) ?? null;
      const history: DueVersion[] = found
        .flatMap((h) =>
          h.versions.map((v) => ({
            id: v.id,
            version: v.version,
            readingIndex: v.reading_index,
            submittedAt: v.submitted_at,
            late: Number(v.late) === 1,
            counted: v.id === h.counted?.id,
            reviews: reviewsOf(v.id),
          })),
        )
        .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || b.version - a.version);
      let decision: DueItem['decision'] = null;
      if (spec.needsApproval && found.length > 0) {
        const newest = found
          .map((h) => h.versions.at(-1)!)
          .sort((a, b) => a.submitted_at.localeCompare(b.submitted_at))
          .at(-1)!;
        const decided = reviewsOf(newest.id)
          .filter((r) => r.decision !== 'comment')
          .at(-1);
        decision = decided ? (decided.decision as 'approved' | 'returned') : 'waiting';
      }
      const resubmitBy =
        decision === 'returned' ? (openResubmissionWindow(windows, nowIso)?.until ?? null) : null;
      if (spec.key === 'question')
        questionDays.push({
          key: date!,
          dueAt: due,
          done: questionDayDone(slots.length, onTime),
          excused: false,
        });
      items.push({
        deliverableKey: spec.key,
        title: spec.title,
        kind: spec.kind,
        meetingDate: date,
        meetingTitle: meeting?.title ?? null,
        dueAt: due,
        countdown: countdown(due, now),
        state,
        needed: slots.length,
        handedIn: receipts.length,
        readings: spec.perReading && meeting ? presentedReadings(meeting).map((r) => r.title) : [],
        receipts,
        review: lastReview,
        decision,
        resubmitBy,
        history,
        acceptsFiles: spec.fileRules !== null,
        acceptsText: spec.textAllowed,
        lateAccepted: spec.lateRule !== 'reject',
        lateRule: spec.lateRule,
        regularDueAt: effectiveDue(regular, spec, null),
        extended: extension !== null,
        // Holder roles were checked above: the viewer's group holds this one.
        blocker: submissionBlocker({
          deliverable: spec,
          now: nowIso,
          due,
          enrolled: true,
          groupId,
          holderGroupIds: groupId ? [groupId] : [],
          closedByStaff: closed,
        }),
        fileTypes: spec.fileRules?.types ?? [],
        maxBytes: spec.fileRules?.maxBytes ?? null,
        maxTextChars: spec.maxTextChars,
        notes: spec.notes,
        needsApproval: spec.needsApproval,
      });
    }
  }
  items.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const questionSpec = work.deliverables.find((d) => d.spec.key === 'question')?.spec;
  void counted;
  return {
    now: nowIso,
    group: work.group
      ? { ...work.group, members: (await listGroupMembers(deps.db, work.group.id)).map((m) => m.name) }
      : null,
    policyAcknowledged: await hasAcknowledged(deps.db, work.course.id, userId, INTEGRITY_POLICY_KEY),
    policy: integrityPolicyText(work.course),
    // The same text as sanitized HTML from the one Markdown renderer (lists, emphasis and links as written).
    policyHtml: renderMarkdown(integrityPolicyText(work.course)),
    items,
    questionAllowance: allowanceState(questionSpec?.allowance ?? 0, questionDays, nowIso),
    attendanceAllowance: (await attendanceOf(deps, work, userId, now)).allowance,
  };
}
