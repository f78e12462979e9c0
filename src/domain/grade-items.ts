// Grade items as data, derived from the course's deliverables and roles: one per presented class, per summary, per project milestone.

import type { CourseModel, GradeComponent } from './course.js';
import type { Deliverable } from './deliverables.js';
import { dueAt, type Instant } from './due.js';
import { formatFixed } from './exact.js';
import { PRESENTATION_RUBRIC, rubricTotal, SUMMARY_RUBRIC, type RubricCriterion } from './rubrics.js';

/** A grade item as derived (before staff edits, which the stored item keeps). */
export interface ItemDraft {
  /** Stable within the course: "presentation@2024-09-04", "summary@2024-09-09", "final-report", "participation". */
  key: string;
  categoryKey: string;
  title: string;
  /** Decimal. */
  pointsPossible: string;
  /** Deliverables whose hand-ins are shown beside it (the report and the code for the final report). */
  deliverableKeys: string[];
  meetingDate: string | null;
  audience: 'individual' | 'group';
  /** The groups it belongs to; null = every student (individual) or every group (group work). */
  groupIds: string[] | null;
  dueAt: Instant | null;
  handIn: boolean;
  rubric: RubricCriterion[] | null;
  source: 'deliverable' | 'participation';
}

export interface RoleHolding {
  meetingDate: string;
  groupId: string;
  role: 'presenter' | 'summarizer' | 'reviewer';
}

/** The grade category a deliverable counts toward: its component, or for a proposal without one, the report's. */
function categoryOf(d: Deliverable, all: readonly Deliverable[]): string | null {
  if (d.component) return d.component;
  if (d.kind === 'proposal') return all.find((x) => x.kind === 'report')?.component ?? null;
  return null;
}

function rubricFor(d: Deliverable): RubricCriterion[] | null {
  if (d.kind === 'summary') return [...SUMMARY_RUBRIC];
  if (d.kind === 'slides' || d.kind === 'presentation') return [...PRESENTATION_RUBRIC];
  return null;
}

const POINTS_BY_KIND: Partial<Record<Deliverable['kind'], string>> = { proposal: '10' };

/**
 * The grade items a course's deliverables call for:
 * - a per-class deliverable held by a role (slides → the presenting group's presentation, summaries →
 *   the summary group's summary): one item per class that has such a group, for those groups;
 * - the mid-semester presentation (groups on talk slots): one item for every group;
 * - course-wide deliverables (proposal, poster, final report): one item each; code joins the report
 *   item of its category;
 * - questions feed the computed participation item instead of items of their own.
 * Talks (slides, presentations) are scored in class: they have no hand-in of their own to wait for.
 */
export function deriveGradeItems(
  course: Pick<CourseModel, 'timeZone' | 'pattern' | 'meetings' | 'components'>,
  deliverables: readonly Deliverable[],
  roles: readonly RoleHolding[],
): ItemDraft[] {
  const items: ItemDraft[] = [];
  const participation = course.components.find((c: GradeComponent) => /particip/i.test(`${c.key} ${c.name}`));
  if (participation) {
    items.push({
      key: 'participation',
      categoryKey: participation.key,
      title: 'Participation (attendance and questions)',
      pointsPossible: '100',
      deliverableKeys: deliverables.filter((d) => d.kind === 'question').map((d) => d.key),
      meetingDate: null,
      audience: 'individual',
      groupIds: null,
      dueAt: null,
      handIn: false,
      rubric: null,
      source: 'participation',
    });
  }
  for (const d of deliverables) {
    const categoryKey = categoryOf(d, deliverables);
    if (categoryKey === null || d.kind === 'question') continue;
    if (d.kind === 'code') {
      const report = items.find(
        (i) => i.categoryKey === categoryKey && i.deliverableKeys.includes('final-report'),
      );
      if (report) {
        report.deliverableKeys.push(d.key);
        report.title = `${report.title} and code`;
        continue;
      }
    }
    const rubric = rubricFor(d);
    const talk = d.kind === 'slides' || d.kind === 'presentation';
    const base = {
      categoryKey,
      pointsPossible: rubric ? formatFixed(rubricTotal(rubric), 0) : (POINTS_BY_KIND[d.kind] ?? '100'),
      deliverableKeys: [d.key],
      audience: d.audience,
      handIn: !talk,
      rubric,
      source: 'deliverable' as const,
    };
    const role = d.holder === 'presenter' || d.holder === 'summarizer' ? d.holder : null;
    if (d.perMeeting && role) {
      const prefix = talk ? 'presentation' : d.key;
      for (const date of d.meetingDates) {
        const groups = roles.filter((r) => r.meetingDate === date && r.role === role).map((r) => r.groupId);
        const meeting = course.meetings.find((m) => m.date === date);
        if (groups.length === 0 || !meeting) continue;
        // Named by the class's title, else its first paper; the date once.
        const label = meeting.title ?? meeting.readings[0]?.title ?? null;
        items.push({
          ...base,
          key: `${prefix}@${date}`,
          title: `${talk ? 'Presentation' : d.title}: ${label ? `${label} (${date})` : date}`,
          meetingDate: date,
          groupIds: groups.sort(),
          dueAt: dueAt(d.dueRule, course, meeting),
        });
      }
      continue;
    }
    const first = d.perMeeting ? course.meetings.find((m) => m.date === d.meetingDates[0]) : null;
    items.push({
      ...base,
      key: d.key,
      title: d.title,
      meetingDate: null,
      groupIds: null,
      dueAt: d.perMeeting ? (first ? dueAt(d.dueRule, course, first) : null) : dueAt(d.dueRule, course),
    });
  }
  return items;
}
