// The score form's state: starts from the server's score (or the unsaved draft kept in this browser), saves as you type (debounced), says whether it is saved, and keeps the draft until the server has it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../../../auth/client.js';
import { clearDraft, pointsProblem, readDraft, sameDraft, writeDraft, type ScoreDraft } from './draft.js';
import { queueApi, subjectOf, type QueueEntry, type QueueItem } from './queue-client.js';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'invalid' }
  | { kind: 'error'; message: string };

/** How long typing may pause before the score is sent. */
export const SAVE_DELAY_MS = 700;

export function draftOf(entry: QueueEntry): ScoreDraft {
  return {
    rubric: { ...entry.rubricScores },
    points: entry.rubricScores && Object.keys(entry.rubricScores).length > 0 ? '' : (entry.points ?? ''),
    comment: entry.comment,
    excused: entry.excused,
  };
}

/** Field problems of a draft, by criterion key (or "points"). */
export function draftProblems(item: QueueItem, d: ScoreDraft): Record<string, string> {
  const out: Record<string, string> = {};
  if (item.rubric)
    for (const c of item.rubric) {
      const p = pointsProblem(d.rubric[c.key] ?? '', c.points);
      if (p) out[c.key] = p;
    }
  else {
    const p = pointsProblem(d.points, item.pointsPossible);
    if (p) out.points = p;
  }
  return out;
}

export function useScoreForm(
  slug: string,
  item: QueueItem,
  entry: QueueEntry,
  onSaved: (subject: string, saved: ScoreDraft, points: string | null) => void,
) {
  const server = draftOf(entry);
  const [initial] = useState(() => {
    const kept = readDraft(slug, item.id, entry.subject);
    if (kept && !sameDraft(kept, server)) return { draft: kept as ScoreDraft, restoredAt: kept.at };
    if (kept) clearDraft(slug, item.id, entry.subject);
    return { draft: server, restoredAt: null as string | null };
  });
  const [draft, setDraft] = useState<ScoreDraft>(initial.draft);
  const [save, setSave] = useState<SaveState>(initial.restoredAt ? { kind: 'pending' } : { kind: 'idle' });
  const latest = useRef(draft);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mounted = useRef(true);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const send = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const sent = latest.current;
    if (Object.keys(draftProblems(item, sent)).length > 0) {
      if (mounted.current) setSave({ kind: 'invalid' });
      return;
    }
    const rubricScores = Object.fromEntries(
      Object.entries(sent.rubric)
        .map(([k, v]) => [k, v.trim()] as const)
        .filter(([, v]) => v !== ''),
    );
    if (mounted.current) setSave({ kind: 'saving' });
    queueApi
      .score(slug, item.id, {
        subject: subjectOf(entry.subject),
        points: item.rubric ? null : sent.points.trim() || null,
        ...(item.rubric ? { rubricScores } : {}),
        comment: sent.comment,
        excused: Boolean(sent.excused),
      })
      .then(
        (r) => {
          if (sameDraft(latest.current, sent)) clearDraft(slug, item.id, entry.subject);
          onSavedRef.current(entry.subject, sent, r.points);
          if (mounted.current && sameDraft(latest.current, sent)) setSave({ kind: 'saved', at: r.savedAt });
        },
        (e: unknown) => {
          if (mounted.current) setSave({ kind: 'error', message: messageOf(e) });
        },
      );
  }, [slug, item, entry.subject]);

  const change = useCallback(
    (next: ScoreDraft) => {
      latest.current = next;
      setDraft(next);
      writeDraft(slug, item.id, entry.subject, next);
      setSave({ kind: 'pending' });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(send, SAVE_DELAY_MS);
    },
    [slug, item.id, entry.subject, send],
  );

  useEffect(() => {
    mounted.current = true;
    // A restored draft is sent at once: the notice says it was kept, the status then says it is saved.
    if (initial.restoredAt) send();
    return () => {
      mounted.current = false;
      // Leaving this owner (next / previous) sends what is still waiting.
      if (timer.current) send();
    };
  }, [initial.restoredAt, send]);

  return { draft, change, save, retry: send, restoredAt: initial.restoredAt };
}
