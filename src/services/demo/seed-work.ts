// Demo hand-ins for `npm start`: past questions, slides, summaries (one late), attendance — through the real use cases, at past instants.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { presentedReadings, SUMMARY_TEMPLATE } from '../../domain/demo-deliverables.js';
import { addElapsedHours, toMillis } from '../../domain/due.js';
import type { BlobStorage } from '../../files/blob-store.js';
import type { Db } from '../../storage/db.js';
import { markAttendance } from '../attendance/roll.js';
import { listSubmissions } from '../../storage/repositories/work.js';
import { listRolls } from '../../storage/repositories/attendance.js';
import {
  listActiveStudents,
  listGroupsWithMembers,
  listRoleHolders,
} from '../../storage/repositories/work-people.js';
import { loadWorkCourse, meetingTimes, type WorkDeps } from '../work/context.js';
import { submitWork } from '../work/submit.js';

export interface SeedWorkReport {
  questions: number;
  files: number;
  summaries: number;
  rolls: number;
  skipped: boolean;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function slidesPdf(title: string, group: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const line of [title, `Presented by ${group}`, 'Questions for discussion']) {
    doc.addPage([960, 540]).drawText(line.slice(0, 70), { x: 60, y: 260, size: 28, font });
  }
  return doc.save();
}

const QUESTIONS = [
  'How would this approach behave if the model were ten times larger?',
  'Which assumption in the evaluation is the weakest, and how would you test it?',
  'What would it cost to reproduce the main result on a university cluster?',
  'How does this compare with the baseline when memory, not compute, is the bottleneck?',
  'Is the improvement still there with a different workload or dataset?',
];

/**
 * Hands in, as the demo's students and at past instants, what a class six weeks into the
 * semester would hold: questions for most past classes, the presenters' slides, the
 * summarizers' summaries (one of them late, so it scores zero), and the roll of past classes.
 * Idempotent: a course that already holds hand-ins is left alone.
 */
export async function seedWork(
  deps: { db: Db; files: BlobStorage },
  slug: string,
  now: Date,
): Promise<SeedWorkReport> {
  const report: SeedWorkReport = { questions: 0, files: 0, summaries: 0, rolls: 0, skipped: false };
  const admin = { userId: 'demo-seed', isAdmin: true };
  const base = await loadWorkCourse({ db: deps.db, clock: () => now }, slug, admin);
  // Idempotent per item: what exists (a question day, a group's slides or summary, a roll) is left alone.
  const existing = new Set(
    (await listSubmissions(deps.db, { courseId: base.course.id })).map(
      (s) => `${s.deliverable_key}|${s.meeting_date}|${s.owner}`,
    ),
  );
  const rolled = new Set((await listRolls(deps.db, base.course.id)).map((r) => r.meeting_date));
  report.skipped = existing.size > 0;
  const { files } = deps;
  const students = await listActiveStudents(deps.db, base.course.id);
  const groups = await listGroupsWithMembers(deps.db, base.course.id);
  const roles = await listRoleHolders(deps.db, base.course.id);
  const random = rng(598);
  let lateSummaryDone = false;

  const as = async (userId: string, at: Date) => ({
    work: await loadWorkCourse({ db: deps.db, clock: () => at }, slug, { userId, isAdmin: false }),
    deps: { db: deps.db, files, mailer: null, clock: () => at, publicUrl: '' } satisfies WorkDeps,
  });
  const past = base.course.meetings.filter(
    (m) =>
      m.kind === 'lecture' && toMillis(meetingTimes(base.course, m).end) < now.getTime() - 26 * 3_600_000,
  );

  for (const meeting of past) {
    const { start, end } = meetingTimes(base.course, meeting);
    // Questions: most students ask one per presented reading, a day or so before class.
    const readings = presentedReadings(meeting);
    const asked = [...existing].some((k) => k.startsWith(`question|${meeting.date}|`));
    if (readings.length > 0 && !asked) {
      for (const [i, s] of students.entries()) {
        if (random() < 0.15) continue; // a missed day (the allowance absorbs two)
        for (let r = 0; r < readings.length; r++) {
          const at = new Date(toMillis(addElapsedHours(start, -(2 + random() * 30))));
          const { work, deps: wd } = await as(s.id, at);
          await submitWork(wd, work, {
            deliverableKey: 'question',
            meetingDate: meeting.date,
            readingIndex: r,
            text: QUESTIONS[(i + r) % QUESTIONS.length]!,
            file: null,
            acknowledgePolicy: true,
            now: at,
          });
          report.questions++;
        }
      }
    }
    // Slides and summaries of the groups holding the roles.
    for (const role of roles.filter((x) => x.meeting_id === meeting.id)) {
      const group = groups.find((g) => g.id === role.group_id);
      const member = group?.members[0];
      if (!group || !member) continue;
      if (existing.has(`${role.role === 'presenter' ? 'slides' : 'summary'}|${meeting.date}|g:${group.id}`))
        continue;
      if (role.role === 'presenter') {
        const at = new Date(toMillis(addElapsedHours(start, -(26 + random() * 20))));
        const { work, deps: wd } = await as(member.id, at);
        const temp = await files.receiveBytes(
          await slidesPdf(meeting.title ?? readings[0]?.title ?? 'Lecture', group.name),
        );
        try {
          await submitWork(wd, work, {
            deliverableKey: 'slides',
            meetingDate: meeting.date,
            readingIndex: null,
            text: null,
            file: { temp, name: `${group.name} slides.pdf` },
            acknowledgePolicy: true,
            now: at,
          });
          report.files++;
        } catch {
          await files.discard(temp);
        }
      }
      if (role.role === 'summarizer') {
        // One summary arrives 2 h past its deadline: kept, shown, and it scores zero.
        const late = !lateSummaryDone && !report.skipped;
        lateSummaryDone = true;
        const at = new Date(toMillis(addElapsedHours(end, late ? 26 : 6 + random() * 14)));
        const { work, deps: wd } = await as(member.id, at);
        const text =
          SUMMARY_TEMPLATE.replace('<lecture title>', meeting.title ?? 'Lecture').replace(
            '<members>',
            group.members.map((m) => m.name).join(', '),
          ) + 'The discussion focused on cost and scale.\n';
        await submitWork(wd, work, {
          deliverableKey: 'summary',
          meetingDate: meeting.date,
          readingIndex: null,
          text,
          file: null,
          acknowledgePolicy: true,
          now: at,
        }).catch(() => undefined);
        report.summaries++;
      }
    }
    // The roll: nearly everyone present, the odd absence, one excused.
    if (students.length > 0 && !rolled.has(meeting.date)) {
      const { work } = await as(admin.userId, new Date(toMillis(end)));
      const staffWork = { ...work, access: { ...base.access } };
      const marks = students.map((s, i) => ({
        userId: s.id,
        status: (random() < 0.08 ? 'absent' : i === 0 && report.rolls === 1 ? 'excused' : 'present') as
          'present' | 'absent' | 'excused',
      }));
      await markAttendance(
        { db: deps.db, clock: () => new Date(toMillis(end)) },
        staffWork,
        meeting.date,
        marks,
      );
      report.rolls++;
    }
  }
  return report;
}
