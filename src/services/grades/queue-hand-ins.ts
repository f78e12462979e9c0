// What the grading queue shows beside the rubric: each owner's latest hand-in of an item, its text or its file (name, type, pages).
import { listFilesOf, listSubmissions } from '../../storage/repositories/work.js';
import type { Db } from '../../storage/db.js';
import type { StoredItem } from './load.js';

export interface QueueHandIn {
  submissionId: string;
  submittedAt: string;
  outcome: 'on-time' | 'late' | 'late-zero';
  /** Text written in the browser (a summary), Markdown; null for a file. */
  text: string | null;
  file: { name: string; type: string; size: number; pages: number | null } | null;
}

/** The hand-ins behind the given submission ids of an item, by id (two queries per deliverable of the item at most). */
export async function queueHandIns(
  db: Db,
  courseId: string,
  item: StoredItem,
  submissionIds: readonly string[],
): Promise<Map<string, QueueHandIn>> {
  const wanted = new Set(submissionIds);
  const out = new Map<string, QueueHandIn>();
  if (wanted.size === 0) return out;
  const rows = [];
  for (const key of item.deliverableKeys)
    rows.push(
      ...(await listSubmissions(db, { courseId, deliverableKey: key, meetingDate: item.meetingDate })).filter(
        (s) => wanted.has(s.id),
      ),
    );
  const files = new Map<string, { name: string; type: string; size: number; pages: number | null }>();
  for (const f of await listFilesOf(
    db,
    rows.map((r) => r.id),
  ))
    if (!files.has(f.submission_id))
      files.set(f.submission_id, { name: f.name, type: f.type, size: f.size, pages: f.pages ?? null });
  for (const r of rows)
    out.set(r.id, {
      submissionId: r.id,
      submittedAt: r.submitted_at,
      outcome: r.outcome,
      text: files.has(r.id) ? null : r.text,
      file: files.get(r.id) ?? null,
    });
  return out;
}
