// What a re-imported syllabus does to stored deliverables: a three-way merge, field by field, that keeps staff edits.

import type { Deliverable } from './deliverables.js';

/**
 * The rule, per deliverable and per field (`key` aside):
 * - the stored value still equals what the old syllabus generated → it takes what the new
 *   syllabus generates (meeting dates and syllabus deadlines follow the syllabus);
 * - staff changed it (stored ≠ old generated) → it stays, its meeting dates moved with their
 *   meetings (`movedDates`), so an edited list of days still names the same classes;
 * - a deliverable the new syllabus adds is added; one it no longer generates stays (it may hold
 *   hand-ins), unchanged but for its moved dates, and is reported.
 * Two values that mean the same are the same: a deadline written "…:59Z" or "…:59.000Z" (staff's
 * form saves the second). A list of class days naming a day on which the stored course had no
 * class cannot be a choice of classes: it was left stale by an import before this merge, and
 * follows the syllabus.
 */
export interface DeliverableMergeInput {
  /** The course's deliverables as stored (maybe edited by staff), in order. */
  stored: readonly Deliverable[];
  /** deliverablesForCourse of the course as stored before the re-import. */
  oldGenerated: readonly Deliverable[];
  /** deliverablesForCourse of the course re-imported. */
  newGenerated: readonly Deliverable[];
  /** Local date of each meeting that keeps its id but moved: old date → new date. */
  movedDates?: ReadonlyMap<string, string>;
  /** Local dates of the stored course's meetings before the re-import (repairs stale day lists). */
  knownDates?: ReadonlySet<string>;
}

export interface DeliverableMerge {
  /** Stored deliverables whose spec changes (the whole new spec), in stored order. */
  changed: Deliverable[];
  /** Deliverables new in the syllabus, in generated order. */
  added: Deliverable[];
  /** Keys of stored deliverables the syllabus no longer generates (kept). */
  orphaned: string[];
}

/** Structural equality of JSON values (key order ignored; undefined members ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bs = b as unknown[];
    return a.length === bs.length && a.every((x, i) => sameJson(x, bs[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!sameJson(ao[k], bo[k])) return false;
  return true;
}

function moveDates(dates: readonly string[], moved: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const d of dates) {
    const to = moved.get(d) ?? d;
    if (!out.includes(to)) out.push(to);
  }
  return out;
}

/** A staff-kept value, its meeting dates moved with their meetings. */
function kept(field: string, value: unknown, moved: ReadonlyMap<string, string>): unknown {
  if (field === 'meetingDates' && Array.isArray(value) && moved.size > 0)
    return moveDates(value as string[], moved);
  return value;
}

/** A field's value in the form two equal values share (absolute deadlines as one ISO form). */
function canonical(field: string, value: unknown): unknown {
  if (field !== 'dueRule' || !value || typeof value !== 'object') return value;
  const rule = value as { kind?: unknown; at?: unknown };
  if (rule.kind !== 'absolute' || typeof rule.at !== 'string') return value;
  const ms = Date.parse(rule.at);
  return Number.isNaN(ms) ? value : { ...rule, at: new Date(ms).toISOString() };
}

/** Whether staff's value is still what the old syllabus generated (or, for class days, a stale list). */
function untouched(
  field: string,
  stored: unknown,
  generated: unknown,
  knownDates: ReadonlySet<string> | undefined,
): boolean {
  if (sameJson(canonical(field, stored), canonical(field, generated))) return true;
  return (
    field === 'meetingDates' &&
    knownDates !== undefined &&
    Array.isArray(stored) &&
    stored.some((d) => typeof d !== 'string' || !knownDates.has(d))
  );
}

/** The merged spec of one stored deliverable. */
export function mergeDeliverable(
  stored: Deliverable,
  oldGenerated: Deliverable | undefined,
  newGenerated: Deliverable | undefined,
  movedDates: ReadonlyMap<string, string> = new Map(),
  knownDates?: ReadonlySet<string>,
): Deliverable {
  const from = stored as unknown as Record<string, unknown>;
  const before = (oldGenerated ?? {}) as Record<string, unknown>;
  const after = newGenerated as unknown as Record<string, unknown> | undefined;
  const out: Record<string, unknown> = {};
  const fields = new Set([...Object.keys(from), ...(after ? Object.keys(after) : [])]);
  for (const field of fields) {
    if (field === 'key') {
      out.key = stored.key;
      continue;
    }
    const value =
      after && oldGenerated && untouched(field, from[field], before[field], knownDates)
        ? after[field]
        : kept(field, from[field], movedDates);
    if (value !== undefined) out[field] = value;
  }
  return out as unknown as Deliverable;
}

/** The three-way merge of a course's deliverables on re-import (see DeliverableMergeInput). */
export function mergeDeliverables(input: DeliverableMergeInput): DeliverableMerge {
  const moved = input.movedDates ?? new Map<string, string>();
  const oldByKey = new Map(input.oldGenerated.map((d) => [d.key, d]));
  const newByKey = new Map(input.newGenerated.map((d) => [d.key, d]));
  const storedKeys = new Set(input.stored.map((d) => d.key));
  const changed: Deliverable[] = [];
  const orphaned: string[] = [];
  for (const stored of input.stored) {
    const next = newByKey.get(stored.key);
    if (!next) orphaned.push(stored.key);
    const merged = mergeDeliverable(stored, oldByKey.get(stored.key), next, moved, input.knownDates);
    if (!sameJson(merged, stored)) changed.push(merged);
  }
  const added = input.newGenerated.filter((d) => !storedKeys.has(d.key));
  return { changed, added, orphaned };
}
