// The deliverable settings form's state: its fields, their starting values from a deliverable, the numbers' bounds and the due rule it describes.
import type { DeliverableSettingsView, DueRule, LateRule } from './staff-client.js';
import { zonedInstant, zonedParts } from '../../../time.js';

/** The API's bound on closeAfterHours: a year. */
const MAX_CLOSE_HOURS = 24 * 365;

export interface FormState {
  title: string;
  hours: string;
  direction: 'before' | 'after';
  anchor: 'start' | 'end';
  date: string;
  time: string;
  lateRule: LateRule;
  graceMinutes: string;
  allowance: string;
  maxMb: string;
  maxTextChars: string;
  closeAfterHours: string;
  notes: string;
  closed: boolean;
}

/** The fields of the form that hold text. */
export type TextKey = { [K in keyof FormState]: FormState[K] extends string ? K : never }[keyof FormState];

export function initialState(d: DeliverableSettingsView, timeZone: string): FormState {
  const local = d.dueRule.kind === 'absolute' ? zonedParts(d.dueRule.at, timeZone) : { date: '', time: '' };
  return {
    title: d.title,
    hours: d.dueRule.kind === 'meeting' ? String(Math.abs(d.dueRule.offsetHours)) : '0',
    direction: d.dueRule.kind === 'meeting' && d.dueRule.offsetHours > 0 ? 'after' : 'before',
    anchor: d.dueRule.kind === 'meeting' ? d.dueRule.anchor : 'start',
    date: local.date,
    time: local.time,
    lateRule: d.lateRule,
    graceMinutes: String(d.graceMinutes),
    allowance: String(d.allowance),
    maxMb: d.maxBytes ? String(Math.round((d.maxBytes / 1048576) * 10) / 10) : '',
    maxTextChars: d.maxTextChars === null ? '' : String(d.maxTextChars),
    closeAfterHours: d.closeAfterHours === null ? '' : String(d.closeAfterHours),
    notes: d.notes.join('\n'),
    closed: d.closed,
  };
}

/** Which error (by request field) editing a form value answers. */
export const ERROR_FIELD: Record<keyof FormState, string> = {
  title: 'title',
  hours: 'dueRule',
  direction: 'dueRule',
  anchor: 'dueRule',
  date: 'dueRule',
  time: 'dueRule',
  lateRule: 'lateRule',
  graceMinutes: 'graceMinutes',
  allowance: 'allowance',
  maxMb: 'maxBytes',
  maxTextChars: 'maxTextChars',
  closeAfterHours: 'closeAfterHours',
  notes: 'notes',
  closed: 'closed',
};

/** The numbers of the form: the word their error starts with and their bounds (whole numbers unless `decimal`), as the API checks them. */
export const NUMBERS = {
  graceMinutes: { name: 'Grace', min: 0, max: 10080, decimal: false },
  allowance: { name: 'Misses allowed', min: 0, max: 50, decimal: false },
  maxMb: { name: 'Size limit', min: 1, max: 1024, decimal: true },
  maxTextChars: { name: 'Longest text', min: 1, max: 200000, decimal: false },
  closeAfterHours: { name: 'Stop after', min: 0, max: MAX_CLOSE_HOURS, decimal: true },
} as const;
export type NumberKey = keyof typeof NUMBERS;

/** The due rule the form describes, or a message saying what to fix. */
export function dueRuleOf(d: DeliverableSettingsView, s: FormState, timeZone: string): DueRule | string {
  if (d.perMeeting) {
    const hours = Number(s.hours);
    if (s.hours.trim() === '' || !Number.isFinite(hours) || hours < 0 || hours > 1440)
      return 'Enter a number of hours from 0 to 1440.';
    return { kind: 'meeting', anchor: s.anchor, offsetHours: s.direction === 'before' ? -hours : hours };
  }
  const at = zonedInstant(s.date, s.time, timeZone);
  return at ? { kind: 'absolute', at } : 'Enter a date and a time.';
}
