// Hand-ins grouped per (deliverable, occasion, owner): every version, and the one that counts.
import { countingVersion } from '../../domain/lateness.js';
import type { Db } from '../../storage/db.js';
import {
  listCountedChoices,
  listFilesOf,
  listReviewsOf,
  listSubmissions,
  type ReviewRow,
  type SubmissionFileRow,
  type SubmissionRow,
} from '../../storage/repositories/work.js';

export interface HandIn {
  deliverableKey: string;
  slot: string;
  owner: string;
  meetingDate: string | null;
  readingIndex: number | null;
  /** Oldest first. */
  versions: SubmissionRow[];
  counted: SubmissionRow | null;
  /** Staff chose the counted version by hand. */
  chosenByStaff: boolean;
}

export const handInKey = (key: string, slot: string, owner: string): string => `${key}|${slot}|${owner}`;

/** Groups rows into hand-ins and picks the counted version of each (staff's choice, else the last on time, else the last). */
export async function loadHandIns(
  db: Db,
  courseId: string,
  filter: { deliverableKey?: string; meetingDate?: string | null; owners?: string[] } = {},
): Promise<Map<string, HandIn>> {
  const rows = await listSubmissions(db, { courseId, ...filter });
  const choices = new Map(
    (await listCountedChoices(db, courseId)).map((c) => [
      handInKey(c.deliverable_key, c.slot, c.owner),
      c.submission_id,
    ]),
  );
  const out = new Map<string, HandIn>();
  for (const row of rows) {
    const key = handInKey(row.deliverable_key, row.slot, row.owner);
    let h = out.get(key);
    if (!h) {
      h = {
        deliverableKey: row.deliverable_key,
        slot: row.slot,
        owner: row.owner,
        meetingDate: row.meeting_date,
        readingIndex: row.reading_index,
        versions: [],
        counted: null,
        chosenByStaff: false,
      };
      out.set(key, h);
    }
    h.versions.push(row);
  }
  for (const [key, h] of out) {
    const due = h.versions.at(-1)!.due_at;
    const choice = choices.get(key) ?? null;
    h.counted = countingVersion(
      h.versions.map((v) => ({ ...v, submittedAt: v.submitted_at, dueAt: v.due_at })),
      due,
      choice,
    );
    h.chosenByStaff = choice !== null && h.counted?.id === choice;
  }
  return out;
}

export interface SubmissionDetails {
  files: Map<string, SubmissionFileRow[]>;
  reviews: Map<string, ReviewRow[]>;
}

export async function detailsOf(db: Db, ids: string[]): Promise<SubmissionDetails> {
  const files = new Map<string, SubmissionFileRow[]>();
  for (const f of await listFilesOf(db, ids))
    files.set(f.submission_id, [...(files.get(f.submission_id) ?? []), f]);
  const reviews = new Map<string, ReviewRow[]>();
  for (const r of await listReviewsOf(db, ids))
    reviews.set(r.submission_id, [...(reviews.get(r.submission_id) ?? []), r]);
  return { files, reviews };
}
