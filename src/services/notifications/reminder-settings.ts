// A course's reminder settings (staff): each kind on or off, with its occasions; the defaults until staff change them.
import {
  REMINDER_ANCHOR,
  REMINDER_KINDS,
  REMINDER_LABELS,
  reminderSettingsFrom,
  type ReminderOccasion,
  type ReminderSettings,
} from '../../domain/reminders.js';
import type { Db } from '../../storage/db.js';
import { findReminderSettings, upsertReminderSettings } from '../../storage/repositories/notifications.js';
import { authorize } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';
import type { WorkCourse } from '../work/context.js';

interface Deps {
  db: Db;
  clock: () => Date;
}

export type ReminderSettingsInput = Partial<
  Record<(typeof REMINDER_KINDS)[number], { on: boolean; occasions?: ReminderOccasion[] | undefined }>
>;

export async function loadReminderSettings(db: Db, courseId: string): Promise<ReminderSettings> {
  return reminderSettingsFrom(await findReminderSettings(db, courseId));
}

function present(settings: ReminderSettings, timeZone: string, now: Date) {
  return {
    now: now.toISOString(),
    timeZone,
    kinds: REMINDER_KINDS.map((kind) => ({
      kind,
      label: REMINDER_LABELS[kind],
      anchor: REMINDER_ANCHOR[kind],
      ...settings[kind],
    })),
  };
}

export async function viewReminderSettings(deps: Deps, work: WorkCourse) {
  authorize(work.access, 'manageCourse');
  return present(await loadReminderSettings(deps.db, work.course.id), work.course.timeZone, deps.clock());
}

export async function editReminderSettings(deps: Deps, work: WorkCourse, input: ReminderSettingsInput) {
  authorize(work.access, 'manageCourse');
  const settings = await loadReminderSettings(deps.db, work.course.id);
  for (const kind of REMINDER_KINDS) {
    const given = input[kind];
    if (!given) continue;
    settings[kind].on = given.on;
    if (given.occasions) {
      for (const o of given.occasions)
        if ((o.hoursBefore === undefined) === (o.dayBeforeAt === undefined))
          throw new DomainError(
            'invalid_input',
            `Each ${REMINDER_LABELS[kind].toLowerCase()} reminder needs either hours before or a time the day before.`,
          );
      settings[kind].occasions = given.occasions.map((o) =>
        o.dayBeforeAt !== undefined ? { dayBeforeAt: o.dayBeforeAt } : { hoursBefore: o.hoursBefore! },
      );
    }
  }
  await upsertReminderSettings(deps.db, work.course.id, JSON.stringify(settings), deps.clock().toISOString());
  return present(settings, work.course.timeZone, deps.clock());
}
