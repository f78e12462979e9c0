// The preview of a role plan: solver figures, notes, the diff against the current roles, and each group's explanation.
import type { RolePlanBody } from '../../../../src/contracts/assignment.js';

const ROLE = { presenter: 'presenter', summarizer: 'summary', reviewer: 'reviewer' } as const;

export function PlanPreview({ plan, onApply }: { plan: RolePlanBody; onApply: () => void }) {
  const changes = plan.diff.added.length + plan.diff.removed.length + plan.diff.changed.length;
  return (
    <div className="card" aria-labelledby="preview-title">
      <h3 id="preview-title">Preview</h3>
      <p>
        {plan.status === 'optimal'
          ? 'Optimal'
          : `Best found within the time limit (gap ${(plan.gap * 100).toFixed(1)}%)`}{' '}
        in {Math.round(plan.solveTimeMs)} ms. Presenters got on average their choice no.{' '}
        {plan.meanRank.toFixed(2)}; the worst-off group its no. {plan.worstRank}. Weeks with two roles for one
        group: {plan.weekClashes}.
      </p>
      {plan.notes.length > 0 ? (
        <ul>
          {plan.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      <h4>Changes against the current roles: {changes === 0 ? 'none' : changes}</h4>
      {changes > 0 ? (
        <ul className="panel-list">
          {plan.diff.added.map((a) => (
            <li key={`a${a.meetingId}${a.groupId}`}>
              + {a.groupName} {ROLE[a.role]} on {a.meetingLabel}
            </li>
          ))}
          {plan.diff.removed.map((a) => (
            <li key={`r${a.meetingId}${a.groupId}`}>
              − {a.groupName} no longer {ROLE[a.role]} on {a.meetingLabel}
            </li>
          ))}
          {plan.diff.changed.map((c) => (
            <li key={`c${c.meetingId}${c.groupId}`}>
              ~ {c.groupName} on {c.meetingLabel}: from {ROLE[c.from]} to {ROLE[c.to]}
            </li>
          ))}
        </ul>
      ) : null}
      <h4>Per group</h4>
      <ul className="explanations">
        {plan.groups.map((g) => (
          <li key={g.groupId}>
            <strong>{g.groupName}</strong>: presents{' '}
            {g.presenting
              .map((p) => `${p.meetingLabel}${p.rank ? ` (choice ${p.rank})` : ' (unranked)'}`)
              .join(', ') || 'nowhere'}
            ; summary {g.summarizing.join(', ') || '—'}; reviews {g.reviewing.join(', ') || '—'}.
            <br />
            <span className="muted">{g.explanation}</span>
          </li>
        ))}
      </ul>
      {plan.stale ? (
        <p className="problem">Groups, rankings or locks changed since this plan was made: plan again.</p>
      ) : (
        <button type="button" className="button" onClick={onApply}>
          Apply this plan
        </button>
      )}
    </div>
  );
}
