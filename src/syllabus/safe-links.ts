// Link targets a syllabus may carry: http(s), mailto and relative ones stay; any other scheme is dropped with a warning.
import type { Link, Meeting, StaffMember } from '../domain/course.js';
import { isSafeLinkUrl } from '../contracts/safe-links.js';
import type { SyllabusWarning } from './types.js';

interface Linked {
  meetings: Meeting[];
  staff: StaffMember[];
  forum: Link | null;
  resources: Link[];
}

/**
 * Reading, staff and forum links with a javascript:, data: or other non-web scheme lose their
 * link (the text stays); such resources are left out. Each drop is a warning at the line
 * that holds the URL, so the importer sees what happened.
 */
export function dropUnsafeLinks<T extends Linked>(
  model: T,
  lines: readonly string[],
  warnings: SyllabusWarning[],
): T {
  const warn = (what: string, url: string) => {
    const index = lines.findIndex((l) => l.includes(url));
    const shown = url.length > 60 ? `${url.slice(0, 57)}…` : url;
    warnings.push({
      line: index >= 0 ? index + 1 : 1,
      message: `The link of ${what} ("${shown}") is not an http(s), mailto or relative address; it was left out.`,
    });
  };
  const meetings = model.meetings.map((m) => ({
    ...m,
    readings: m.readings.map((r) => {
      if (r.url === null || isSafeLinkUrl(r.url)) return r;
      warn(`the reading "${r.title}"`, r.url);
      return { ...r, url: null };
    }),
  }));
  const staff = model.staff.map((s) => {
    if (s.url === null || isSafeLinkUrl(s.url)) return s;
    warn(`the staff member "${s.name}"`, s.url);
    return { ...s, url: null };
  });
  let forum = model.forum;
  if (forum && !isSafeLinkUrl(forum.url)) {
    warn('the forum', forum.url);
    forum = null;
  }
  const resources = model.resources.filter((r) => {
    if (isSafeLinkUrl(r.url)) return true;
    warn(`the resource "${r.label}"`, r.url);
    return false;
  });
  return { ...model, meetings, staff, forum, resources };
}
