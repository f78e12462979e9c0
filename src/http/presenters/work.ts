// Presents deliverables for the web client: the policy as data plus words for the due rule.
import type { Deliverable } from '../../domain/deliverables.js';
import { describeDueRule } from '../../domain/due.js';
import type { CourseDeliverable } from '../../services/work/context.js';

export function presentDeliverable(d: CourseDeliverable, timeZone: string) {
  const s: Deliverable = d.spec;
  return {
    key: s.key,
    kind: s.kind,
    title: s.title,
    audience: s.audience,
    holder: s.holder,
    due: describeDueRule(s.dueRule, timeZone),
    dueRule: s.dueRule,
    lateRule: s.lateRule,
    graceMinutes: s.graceMinutes,
    allowance: s.allowance,
    perMeeting: s.perMeeting,
    perReading: s.perReading,
    meetingDates: s.meetingDates,
    fileTypes: s.fileRules?.types ?? [],
    maxBytes: s.fileRules?.maxBytes ?? null,
    maxPages: s.fileRules?.maxPages ?? null,
    textAllowed: s.textAllowed,
    maxTextChars: s.maxTextChars,
    template: s.template,
    needsApproval: s.needsApproval,
    notes: s.notes,
    closeAfterHours: s.closeAfterHours,
    closed: d.closed,
  };
}
