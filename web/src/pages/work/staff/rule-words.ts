// A deliverable's policy in plain words, as staff read it back before saving ("Due 24 h before each class starts; late work is kept and marked late").
import { formatInstant } from '../../../time.js';

/** What happens to work handed in after the deadline (src/domain/deliverables.ts). */
export type LateRule = 'accept' | 'flag' | 'zero' | 'reject';
/** An absolute instant, or hours before/after a class's start or end (src/domain/deliverables.ts). */
export type DueRule =
  { kind: 'absolute'; at: string } | { kind: 'meeting'; anchor: 'start' | 'end'; offsetHours: number };

export const LATE_WORDS: Record<LateRule, { label: string; effect: string }> = {
  accept: { label: 'Accept it as if on time', effect: 'late work is accepted without a mark' },
  flag: { label: 'Keep it and mark it late for staff', effect: 'late work is kept and marked late' },
  zero: {
    label: 'Keep it and show it, but it scores zero',
    effect: 'late work is kept and shown but scores zero',
  },
  reject: { label: 'Refuse it: nothing is recorded after the deadline', effect: 'late work is refused' },
};

export function dueWords(rule: DueRule, timeZone: string, perMeeting: boolean): string {
  if (rule.kind === 'absolute') return `Due ${formatInstant(rule.at, timeZone)}`;
  const each = perMeeting ? 'each class' : 'the class';
  const anchor = rule.anchor === 'start' ? `${each} starts` : `${each} ends`;
  if (rule.offsetHours === 0) return `Due when ${anchor}`;
  const hours = Math.abs(rule.offsetHours);
  return `Due ${hours} h ${rule.offsetHours < 0 ? 'before' : 'after'} ${anchor}`;
}

export interface RuleSummary {
  dueRule: DueRule;
  lateRule: LateRule;
  graceMinutes: number;
  allowance: number;
  closed: boolean;
  perMeeting: boolean;
  maxBytes?: number | null;
  maxTextChars?: number | null;
  /** Hours after the (extended) deadline when hand-ins stop entirely; null or absent: never. */
  closeAfterHours?: number | null;
}

/** One or two sentences saying what the rules mean for students. */
export function ruleSentence(r: RuleSummary, timeZone: string): string {
  const parts = [
    `${dueWords(r.dueRule, timeZone, r.perMeeting)}${r.graceMinutes > 0 ? ` (with ${r.graceMinutes} min of grace)` : ''}, ${LATE_WORDS[r.lateRule].effect}.`,
  ];
  if (r.allowance > 0)
    parts.push(
      `${r.allowance} ${r.perMeeting ? (r.allowance === 1 ? 'missed class is' : 'missed classes are') : r.allowance === 1 ? 'miss is' : 'misses are'} allowed without penalty.`,
    );
  const limits: string[] = [];
  if (r.maxBytes) limits.push(`files up to ${Math.round((r.maxBytes / 1048576) * 10) / 10} MB`);
  if (r.maxTextChars)
    limits.push(`text up to ${new Intl.NumberFormat('en-US').format(r.maxTextChars)} characters`);
  if (limits.length > 0) parts.push(`Takes ${limits.join(' and ')}.`);
  if (r.closeAfterHours !== undefined && r.closeAfterHours !== null && r.lateRule !== 'reject') {
    parts.push(
      r.closeAfterHours === 0
        ? 'Nothing is taken after the deadline.'
        : `Hand-ins stop ${r.closeAfterHours} h after the deadline.`,
    );
  }
  if (r.closed) parts.push('Closed: students cannot hand it in now.');
  return parts.join(' ');
}
