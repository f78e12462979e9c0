// Demo discussions for `npm start`: a class discussion opened by its summary group, a Q&A question with an endorsed,
// accepted answer, an anonymous question and a private one — through the real use cases, at past instants. Idempotent.
import type { Db } from '../../storage/db.js';
import { listThreadRows } from '../../storage/repositories/discussions.js';
import { listSubmissions } from '../../storage/repositories/work.js';
import { findUserByEmail, findUserById } from '../../storage/repositories/users.js';
import { updateThread, moderatePost } from '../discussions/moderation.js';
import { reply } from '../discussions/posts.js';
import { askQuestion, openClassDiscussion } from '../discussions/threads.js';
import { loadWorkCourse } from '../work/context.js';

export interface SeedDiscussionsReport {
  threads: number;
  posts: number;
  skipped: boolean;
}

const HOUR = 3_600_000;

export async function seedDiscussions(db: Db, slug: string, now: Date): Promise<SeedDiscussionsReport> {
  const probe = await loadWorkCourse({ db, clock: () => now }, slug, null);
  if ((await listThreadRows(db, probe.course.id, {})).length > 0)
    return { threads: 0, posts: 0, skipped: true };
  // Each step a little later than the one before, ending about an hour ago.
  let at = now.getTime() - 50 * HOUR;
  const deps = { db, clock: () => new Date(at), publicUrl: '' };
  const as = async (email: string) => {
    at += 37 * 60_000;
    const user = await findUserByEmail(db, email);
    if (!user) throw new Error(`demo person ${email} is missing`);
    return loadWorkCourse(deps, slug, { userId: user.id, isAdmin: false });
  };
  const report: SeedDiscussionsReport = { threads: 0, posts: 0, skipped: false };

  // The latest past class whose summary is in: its summary group opens the discussion.
  const summaries = (
    await listSubmissions(db, { courseId: probe.course.id, deliverableKey: 'summary' })
  ).filter((s) => s.submitted_at < now.toISOString() && s.meeting_date);
  const last = summaries.at(-1);
  const meeting = last ? probe.course.meetings.find((m) => m.date === last.meeting_date) : undefined;
  if (last && meeting) {
    const author = await findUserById(db, last.user_id);
    if (author) {
      const input = {
        meetingId: meeting.id,
        body: 'Our summary is linked above. Two things we could not settle:\n\n1. Does the method still win on **longer inputs**?\n2. Which baseline would you have added?',
      };
      // The summary group opens it; should the roles in force have moved since, the staff do.
      const opened = await openClassDiscussion(deps, await as(author.email), input).catch(async () =>
        openClassDiscussion(deps, await as('instructor@example.edu'), input),
      );
      report.threads += 1;
      report.posts += 1;
      await reply(deps, await as('grace8@example.edu'), opened.threadId, {
        body: 'On 1: the appendix has a long-context table; the gap shrinks but stays.',
      });
      await reply(deps, await as('ta@example.edu'), opened.threadId, {
        body: 'Good question for Thursday. @Alan Turing, you raised the baseline in class: which one?',
      });
      report.posts += 2;
    }
  }

  const ada = await as('ada1@example.edu');
  const q = await askQuestion(deps, ada, {
    title: 'May the project build on a paper outside the reading list?',
    category: 'project',
    body: 'We would like to extend a 2024 paper that is not on the list. Is that allowed for the proposal?',
  });
  await reply(deps, await as('alan2@example.edu'), q.threadId, {
    body: 'Same question here, for a systems paper.',
  });
  const answer = await reply(deps, await as('ta@example.edu'), q.threadId, {
    body: 'Yes: any peer-reviewed paper from the last three years works. Name it in the proposal and say why it fits the course.',
  });
  await moderatePost(deps, await as('instructor@example.edu'), answer.postId, { endorsed: true });
  await updateThread(deps, await as('ada1@example.edu'), q.threadId, { acceptedPostId: answer.postId });
  report.threads += 1;
  report.posts += 3;

  const anon = await askQuestion(deps, await as('katherine10@example.edu'), {
    title: 'Is the quiz on the reading graded?',
    category: 'logistics',
    body: 'I could not find it in the grading policy.',
    anonymous: true,
  });
  await reply(deps, await as('instructor@example.edu'), anon.threadId, {
    body: 'There is no quiz: participation counts attendance, questions and posts here.',
  });
  report.threads += 1;
  report.posts += 2;

  const secret = await askQuestion(deps, await as('claude4@example.edu'), {
    title: 'Missing next week for a conference',
    category: 'other',
    body: 'I am presenting a poster abroad next week. Can my group cover for me?',
    private: true,
  });
  await reply(deps, await as('instructor@example.edu'), secret.threadId, {
    body: 'Thanks for telling us early. Yes; ask your group, and I will excuse the attendance.',
  });
  report.threads += 1;
  report.posts += 2;
  return report;
}
