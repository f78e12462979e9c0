// The "your grade is out" mail: queued on release (durable), rendered when sent.
import type { MailRenderer } from '../../mail/queue.js';

export const GRADE_RELEASED_MAIL = 'grade-released';

export const renderGradeReleasedMail: MailRenderer = async (_db, payload) => {
  const p = JSON.parse(payload) as { courseTitle: string; itemTitle: string; link: string };
  return {
    subject: `${p.courseTitle}: your grade for ${p.itemTitle} is out`,
    text: [
      `Your grade for "${p.itemTitle}" in ${p.courseTitle} has been released.`,
      '',
      'See it, with the rubric and comments, here:',
      p.link,
      '',
      'If you think something is wrong, you can ask for a regrade from that page.',
    ].join('\n'),
  };
};
