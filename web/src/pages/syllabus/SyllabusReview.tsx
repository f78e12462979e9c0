// The import review, shared by the instructors' re-import and the administrator's new course: give the syllabus, see the
// course as read beside its source, fix what was misread, then save through the caller (which says where and how).
import { useState, type ReactNode } from 'react';
import { call, messageOf } from '../../auth/client.js';
import { FormError, FormNotice } from '../../auth/Field.js';
import type { ReviewView } from '../../../../src/contracts/syllabus-review.js';
import { withFix, type Fix } from './fix-list.js';
import { ReviewMeetings, LineLink } from './ReviewMeetings.js';
import { FixList, ReviewSettings } from './ReviewSettings.js';
import { SourcePanel } from './SourcePanel.js';
import { SyllabusSource, type Given } from './SyllabusSource.js';
import '../../auth/auth.css';
import './syllabus.css';

/** The syllabus as reviewed: its text (a fetched file is kept as text), and the folder its relative links resolve against. */
export interface Reviewed {
  source: string;
  baseUrl?: string;
}

export interface ReviewWording {
  /** The button that saves a syllabus read in full. */
  save: string;
  /** The button that saves a refused syllabus anyway (what was read, no classes). */
  savePartial: string;
  /** Beside the save button. */
  saveHint: string;
  /** What saving a refused syllabus does, under the refusal. */
  partial: ReactNode;
  /** Said while saving. */
  saving: string;
}

export function SyllabusReview({
  readPath,
  keptFixes,
  wording,
  onSave,
}: {
  /** The address (POST) that reads a syllabus with fixes and writes nothing. */
  readPath: string;
  /** The fixes kept from the last import, applied again to the next read. */
  keptFixes: readonly Fix[];
  wording: ReviewWording;
  /** Saves the reviewed syllabus; false when the caller refused it itself (and said why). Errors thrown are shown here. */
  onSave: (reviewed: Reviewed, fixes: Fix[], acceptPartial: boolean) => Promise<boolean>;
}) {
  const [given, setGiven] = useState<Reviewed | null>(null);
  const [fixes, setFixes] = useState<Fix[]>(() => [...keptFixes]);
  const [view, setView] = useState<ReviewView | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function read(next: Given | Reviewed, nextFixes: Fix[]) {
    setBusy('Reading the syllabus…');
    setError(null);
    try {
      const r = await call<ReviewView>('POST', readPath, { ...next, fixes: nextFixes });
      setView(r);
      // A fetched file is kept as text: later reads and the save use what was reviewed.
      setGiven(
        r.fetchedFrom
          ? { source: r.source.join('\n'), baseUrl: new URL('.', r.fetchedFrom).href }
          : (next as Reviewed),
      );
      setFixes(nextFixes);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  }

  const fix = (f: Fix) => given && void read(given, withFix(fixes, f));
  const undo = (i: number) =>
    given &&
    void read(
      given,
      fixes.filter((_, k) => k !== i),
    );

  async function save() {
    if (!given || !view) return;
    setBusy(wording.saving);
    setError(null);
    try {
      if (await onSave(given, fixes, !view.ok)) setView(null);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  }

  const c = view?.course;
  return (
    <>
      <SyllabusSource busy={busy !== null} onRead={(g) => void read(g, fixes)} />
      {keptFixes.length > 0 && !view ? (
        <FormNotice
          message={`${keptFixes.length} ${keptFixes.length === 1 ? 'fix' : 'fixes'} from the last import will be applied again where they still fit.`}
        />
      ) : null}
      <FormError message={error} />
      {busy ? (
        <p className="review-busy muted" role="status">
          {busy}
        </p>
      ) : null}
      {view && c ? (
        <div className="review" aria-busy={busy !== null}>
          {view.ok ? null : (
            <div className="review-refusal" role="alert">
              <h2>No schedule was found</h2>
              <p>{view.refusal}</p>
              <p>{wording.partial}</p>
            </div>
          )}
          <section className="review-summary card" aria-labelledby="summary-h">
            <h2 id="summary-h">{[c.code, c.title].filter(Boolean).join(' ')}</h2>
            <p className="muted">
              {c.term ? `${c.term.season} ${c.term.year} · ` : ''}
              {c.meetings.length} classes · {c.meetings.reduce((n, m) => n + m.readings.length, 0)} readings ·{' '}
              {c.milestones.length} milestones · {view.warnings.length} warnings
            </p>
            {c.staff.length > 0 ? (
              <p>
                Staff:{' '}
                {c.staff.map((s, i) => (
                  <span key={i}>
                    {i > 0 ? ', ' : ''}
                    {s.name} ({s.role}) <LineLink line={s.line} />
                  </span>
                ))}
              </p>
            ) : null}
            <h3>Your fixes</h3>
            <FixList view={view} fixes={fixes} onRemove={undo} />
            <p className="review-apply">
              <button type="button" className="button" disabled={busy !== null} onClick={() => void save()}>
                {view.ok ? wording.save : wording.savePartial}
              </button>{' '}
              <span className="muted">{wording.saveHint}</span>
            </p>
          </section>
          <div className="review-columns">
            <section className="review-course" aria-labelledby="classes-h">
              <h2 id="classes-h">Classes as read</h2>
              <ReviewMeetings view={view} onFix={fix} />
              {c.milestones.length > 0 ? (
                <>
                  <h3>Milestones</h3>
                  <ul className="review-plain-list">
                    {c.milestones.map((m) => (
                      <li key={m.key}>
                        {m.title} <LineLink line={m.line} />
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              {c.units.length > 0 ? (
                <>
                  <h3>Units</h3>
                  <ul className="review-plain-list">
                    {c.units.map((u, i) => (
                      <li key={i}>
                        {u.title} <LineLink line={u.line} />
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              <ReviewSettings
                key={view.course.timeZone + (view.course.pattern?.startTime ?? '')}
                view={view}
                onFix={fix}
              />
            </section>
            <SourcePanel view={view} />
          </div>
        </div>
      ) : null}
    </>
  );
}
