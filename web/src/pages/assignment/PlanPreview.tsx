// The preview of a role plan: solver figures, notes, every seat the plan moves (class, role, from → to, why), classes kept as they are, and each group's explanation.
import { Icon } from '../../components/Icon.js';
import type { RolePlanBody } from '../../../../src/contracts/assignment.js';
import { formatDay } from '../../time.js';
import { RankChart } from './RankChart.js';

const ROLE = { presenter: 'Presenter', summarizer: 'Summary', reviewer: 'Reviewer' } as const;
const REASON = {
  'new-group': 'New group',
  'dropped-group': 'Dropped group',
  locked: 'Locked',
  fairness: 'Fairness',
} as const;

type Change = RolePlanBody['changes'][number];

function ChangeTable({ changes }: { changes: Change[] }) {
  return (
    <table className="data-table stack-table changes-table">
      <caption className="visually-hidden">Every role the plan changes, by class</caption>
      <thead>
        <tr>
          <th scope="col">Class</th>
          <th scope="col">Role</th>
          <th scope="col">From</th>
          <th scope="col">To</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={`${c.meetingId}|${c.role}|${c.fromGroupId ?? ''}|${c.toGroupId ?? ''}`}>
            <th scope="row">
              {c.meetingDate ? (
                <time dateTime={c.meetingDate}>{formatDay(c.meetingDate)}</time>
              ) : (
                c.meetingLabel
              )}
            </th>
            <td data-label="Role">{ROLE[c.role]}</td>
            <td data-label="From">{c.from ?? <span className="muted">nobody</span>}</td>
            <td data-label="To">
              <Icon name="arrow-right" /> {c.to ?? <span className="muted">nobody</span>}
            </td>
            <td data-label="Why">
              <strong>{REASON[c.reason]}</strong>: {c.why}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PlanPreview({
  plan,
  published,
  onApply,
}: {
  plan: RolePlanBody;
  /** Whether the roles in force are published (students see an applied plan at once). */
  published: boolean;
  onApply: () => void;
}) {
  const count = plan.changes.length;
  const frozen = plan.frozenClasses;
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
      {frozen > 0 ? (
        <p className="notice frozen-note">
          <strong>
            {frozen} class{frozen === 1 ? '' : 'es'} kept as {frozen === 1 ? 'it is' : 'they are'}:
          </strong>{' '}
          a class that has started, whose slides deadline has passed or that holds a hand-in keeps its roles.
          This plan changes only the classes still to come.
        </p>
      ) : null}
      {plan.notes.length > 0 ? (
        <ul>
          {plan.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      <RankChart groups={plan.groups} />
      <h4 id="changes-title">
        {count === 0
          ? 'No role changes against the roles in force'
          : `${count} role change${count === 1 ? '' : 's'} against the roles in force`}
      </h4>
      {count > 0 ? <ChangeTable changes={plan.changes} /> : null}
      <details className="explanations-fold">
        <summary>Per group: what each presents, summarizes and reviews</summary>
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
      </details>
      {plan.stale ? (
        <p className="problem">Groups, rankings or locks changed since this plan was made: plan again.</p>
      ) : (
        <>
          <p>
            Applying replaces the roles of the classes still to come and mails nobody.
            {published
              ? ' The roles are published, so students see the new roles at once; publish the changes afterwards to mail the groups concerned.'
              : ' Students see them once you publish.'}
          </p>
          <button type="button" className="button" onClick={onApply}>
            Apply this plan
          </button>
        </>
      )}
    </div>
  );
}
