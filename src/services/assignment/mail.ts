// The "your roles changed" mail: queued when staff publish roles that differ from the last publish (durable), rendered when sent.
import type { MailRenderer } from '../../mail/queue.js';

export const ROLES_CHANGED_MAIL = 'roles-changed';

export interface RolesChangedPayload {
  courseTitle: string;
  groupName: string;
  /** The group's roles page, relative to the site. */
  path: string;
  changes: Array<{ meetingDate: string; meetingLabel: string; role: string; gained: boolean }>;
}

const ROLE_WORD: Record<string, string> = {
  presenter: 'presenting',
  summarizer: 'writing the summary',
  reviewer: 'reviewing',
};

export const renderRolesChangedMail: MailRenderer = async (_db, payload) => {
  const p = JSON.parse(payload) as RolesChangedPayload;
  const lines = p.changes.map(
    (c) => `- ${c.meetingLabel}: ${c.gained ? 'now' : 'no longer'} ${ROLE_WORD[c.role] ?? c.role}`,
  );
  return {
    subject: `${p.courseTitle}: ${p.groupName}'s roles changed`,
    text: [
      `Staff published new roles in ${p.courseTitle}. For ${p.groupName}, this changed:`,
      '',
      ...lines,
      '',
      `All your roles with their deadlines are on the course site under ${p.path}.`,
    ].join('\n'),
  };
};
