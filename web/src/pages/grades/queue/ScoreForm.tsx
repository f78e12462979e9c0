// Scoring one owner: a number per rubric criterion (or the points), a Markdown comment with its preview, the total, and whether it is saved (with retry).
import { MarkdownPreview } from '../../../components/MarkdownPreview.js';
import { fieldAria } from '../../../auth/Field.js';
import { formatClock, zoneAbbreviation } from '../../../time.js';
import { rubricSum, type ScoreDraft } from './draft.js';
import type { QueueEntry, QueueItem } from './queue-client.js';
import { draftProblems, useScoreForm, type SaveState } from './use-score-form.js';

export function ScoreForm({
  slug,
  item,
  entry,
  timeZone,
  onSaved,
}: {
  slug: string;
  item: QueueItem;
  entry: QueueEntry;
  timeZone: string;
  onSaved: (subject: string, saved: ScoreDraft, points: string | null) => void;
}) {
  const { draft, change, save, retry, restoredAt } = useScoreForm(slug, item, entry, onSaved);
  const problems = draftProblems(item, draft);
  const total = item.rubric ? rubricSum(draft.rubric) : draft.points.trim() || '—';
  return (
    <form
      className="score-form"
      aria-labelledby="score-title"
      onSubmit={(e) => (e.preventDefault(), retry())}
    >
      <h3 id="score-title">Score</h3>
      {restoredAt ? (
        <p className="form-notice draft-notice" role="status">
          Restored your unsaved changes from {formatClock(restoredAt, timeZone)}{' '}
          {zoneAbbreviation(restoredAt, timeZone)}.
        </p>
      ) : null}
      {item.rubric ? (
        item.rubric.map((c) => (
          <div className="field criterion" key={c.key}>
            <label htmlFor={`crit-${c.key}`}>
              {c.title} <span className="muted">(out of {c.points})</span>
            </label>
            {c.description ? (
              <p id={`crit-${c.key}-hint`} className="hint">
                {c.description}
              </p>
            ) : null}
            <input
              id={`crit-${c.key}`}
              className="score-input"
              type="number"
              inputMode="decimal"
              min="0"
              max={c.points}
              step="0.5"
              value={draft.rubric[c.key] ?? ''}
              onChange={(e) =>
                change({ ...draft, rubric: { ...draft.rubric, [c.key]: e.currentTarget.value } })
              }
              {...fieldAria(`crit-${c.key}`, problems[c.key], c.description || undefined)}
            />
            {problems[c.key] ? (
              <p id={`crit-${c.key}-error`} className="field-error">
                {problems[c.key]}
              </p>
            ) : null}
          </div>
        ))
      ) : (
        <div className="field criterion">
          <label htmlFor="crit-points">
            Points <span className="muted">(out of {item.pointsPossible})</span>
          </label>
          <input
            id="crit-points"
            className="score-input"
            type="number"
            inputMode="decimal"
            min="0"
            max={item.pointsPossible}
            step="0.5"
            value={draft.points}
            onChange={(e) => change({ ...draft, points: e.currentTarget.value })}
            {...fieldAria('crit-points', problems.points)}
          />
          {problems.points ? (
            <p id="crit-points-error" className="field-error">
              {problems.points}
            </p>
          ) : null}
        </div>
      )}
      <p className="score-total">
        Total <strong>{total}</strong> / {item.pointsPossible}
      </p>
      <div className="field">
        <label htmlFor="score-comment">Comment (Markdown)</label>
        <textarea
          id="score-comment"
          rows={6}
          value={draft.comment}
          aria-describedby="score-comment-hint"
          onChange={(e) => change({ ...draft, comment: e.currentTarget.value })}
        />
        <p id="score-comment-hint" className="hint">
          **bold**, *italic*, lists and links. Students see it once the item is released.
        </p>
      </div>
      <div className="field score-excused">
        <label htmlFor="score-excused">
          <input
            id="score-excused"
            type="checkbox"
            checked={Boolean(draft.excused)}
            aria-describedby="score-excused-hint"
            onChange={(e) => change({ ...draft, excused: e.currentTarget.checked })}
          />{' '}
          Excused
        </label>
        <p id="score-excused-hint" className="hint">
          An excused item is left out of its category: it counts neither for nor against.
        </p>
      </div>
      {draft.comment.trim() ? (
        <section className="comment-preview" aria-labelledby="comment-preview-title">
          <h4 id="comment-preview-title">Preview of the comment</h4>
          <MarkdownPreview source={draft.comment} base={5} />
        </section>
      ) : null}
      <SaveStatus save={save} timeZone={timeZone} onRetry={retry} />
    </form>
  );
}

function SaveStatus({ save, timeZone, onRetry }: { save: SaveState; timeZone: string; onRetry: () => void }) {
  return (
    <div className={`save-status save-${save.kind}`}>
      <p role="status" aria-live="polite">
        {save.kind === 'pending' || save.kind === 'saving'
          ? 'Saving…'
          : save.kind === 'saved'
            ? `Saved ${formatClock(save.at, timeZone)} ${zoneAbbreviation(save.at, timeZone)}`
            : save.kind === 'invalid'
              ? 'Not saved: fix the points marked above (your changes are kept in this browser).'
              : save.kind === 'error'
                ? `Not saved: ${save.message} Your changes are kept in this browser.`
                : 'Saved as you type.'}
      </p>
      {save.kind === 'error' ? (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          Try saving again
        </button>
      ) : null}
    </div>
  );
}
