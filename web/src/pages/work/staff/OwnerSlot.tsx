// One deliverable slot of an owner's hand-ins: the version list (newest first, facts, reviews) and the counted-version controls (choose one, undo the choice).
import { plural } from '../../../../../src/contracts/words.js';
import { useState } from 'react';
import { useCourse } from '../../../course-context.js';
import { messageOf } from '../../../auth/client.js';
import { FormError } from '../../../auth/Field.js';
import { formatInstant } from '../../../time.js';
import { Link } from '../../../router.js';
import { summaryCommentsUrl } from '../comments/comments-client.js';
import { bytes } from '../work-client.js';
import { ReviewForm } from './OwnerReviewForm.js';
import {
  staffApi,
  type Decision,
  type OwnerHandIns,
  type SlotView,
  type VersionView,
} from './staff-client.js';

const OUTCOME: Record<VersionView['outcome'], string> = {
  'on-time': 'On time',
  late: 'Late',
  'late-zero': 'Late — scores zero',
};
const DECISION: Record<Decision, string> = { comment: 'Comment', approved: 'Approved', returned: 'Returned' };

function lateBy(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 6) / 10;
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} days`;
}

export function Slot({
  data,
  slot,
  headingId,
  onChanged,
}: {
  data: OwnerHandIns;
  slot: SlotView;
  headingId: string;
  onChanged: (notice: string) => void;
}) {
  const course = useCourse();
  const zone = course.timeZone;
  const [error, setError] = useState<string | null>(null);
  const newest = [...slot.versions].reverse();
  // The slot is "<class date>#<reading>": comments are on a class's summary.
  const commentDate = /^\d{4}-\d{2}-\d{2}/.exec(slot.slot)?.[0] ?? null;
  const counted = slot.versions.find((v) => v.counted) ?? null;
  const choose = async (v: VersionView) => {
    setError(null);
    try {
      await staffApi.count(course.slug, v.id);
      onChanged(`Version ${v.version} now counts.`);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const undoChoice = async (v: VersionView) => {
    setError(null);
    try {
      await staffApi.uncount(course.slug, v.id);
      onChanged('Your choice is undone: the last version on time counts again.');
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <div className="slot">
      {slot.readingTitle ? <h4 id={headingId}>About “{slot.readingTitle}”</h4> : null}
      <FormError message={error} />
      {data.deliverable.kind === 'summary' && commentDate && slot.versions.some((v) => v.text !== null) ? (
        <p>
          <Link to={summaryCommentsUrl(course.slug, data.deliverable.key, commentDate, data.owner.id)}>
            Read the summary with its comments
          </Link>
        </p>
      ) : null}
      {slot.versions.length === 0 ? (
        <p className="muted">Nothing handed in.</p>
      ) : (
        <>
          <p>
            {slot.versions.length} version{slot.versions.length === 1 ? '' : 's'}.{' '}
            {counted ? (
              <>
                Version {counted.version} counts
                {slot.chosenByStaff
                  ? `, chosen by ${slot.chosenByStaff.by} on ${formatInstant(slot.chosenByStaff.at, zone)}`
                  : ' (the last one on time, or the last one when none was on time)'}
                .
              </>
            ) : null}
          </p>
          {counted && slot.chosenByStaff ? (
            <p className="counted-undo">
              <button
                type="button"
                className="button button-secondary small"
                onClick={() => void undoChoice(counted)}
              >
                Undo the choice: the last version on time counts
                {slot.readingTitle ? (
                  <span className="visually-hidden"> (about {slot.readingTitle})</span>
                ) : null}
              </button>
            </p>
          ) : null}
          <ol
            className="version-list"
            reversed
            aria-label={`Versions${slot.readingTitle ? ` about ${slot.readingTitle}` : ''}, newest first`}
          >
            {newest.map((v) => (
              <li key={v.id} className={`version${v.counted ? ' version-counted' : ''}`}>
                <div className="version-head">
                  <strong>Version {v.version}</strong>
                  {v.counted ? (
                    <span className="badge badge-counted">
                      Counts{slot.chosenByStaff ? ' — staff’s choice' : ''}
                    </span>
                  ) : null}
                  <span
                    className={`state-tag state-${v.outcome === 'on-time' ? 'done' : v.outcome === 'late' ? 'late' : 'zero'}`}
                  >
                    {OUTCOME[v.outcome]}
                  </span>
                </div>
                <dl className="version-facts">
                  <div>
                    <dt>Received</dt>
                    <dd>
                      <time dateTime={v.submittedAt}>{formatInstant(v.submittedAt, zone)}</time> from{' '}
                      {v.submittedBy}
                      {v.late ? ` (${lateBy(v.lateByMs)} after ${formatInstant(v.dueAt, zone)})` : ''}
                    </dd>
                  </div>
                  <div>
                    <dt>Content</dt>
                    <dd>
                      {v.files[0]
                        ? `${v.files[0].name}${v.files[0].pages ? ` (${plural(v.files[0].pages, 'page')})` : ''}`
                        : 'Text'}{' '}
                      · {bytes(v.size)}
                    </dd>
                  </div>
                  <div>
                    <dt>SHA-256</dt>
                    <dd>
                      <code title={v.sha256}>{v.sha256.slice(0, 12)}…</code>
                    </dd>
                  </div>
                </dl>
                {v.warnings.map((w) => (
                  <p key={w} className="receipt-warning">
                    {w}
                  </p>
                ))}
                {v.text !== null ? (
                  <details className="version-text">
                    <summary>
                      Read the text<span className="visually-hidden"> of version {v.version}</span>
                    </summary>
                    <pre>{v.text}</pre>
                  </details>
                ) : null}
                <p className="version-actions">
                  <a
                    href={`/api/courses/${encodeURIComponent(course.slug)}/submissions/${encodeURIComponent(v.id)}/download`}
                    download
                  >
                    Download<span className="visually-hidden"> version {v.version}</span>
                  </a>
                  {v.counted && slot.chosenByStaff ? null : (
                    <button
                      type="button"
                      className="button button-secondary small"
                      onClick={() => void choose(v)}
                    >
                      Make this the counted version
                      <span className="visually-hidden"> (version {v.version})</span>
                    </button>
                  )}
                </p>
                {v.reviews.length > 0 ? (
                  <ul className="review-list" aria-label={`Reviews of version ${v.version}`}>
                    {v.reviews.map((r) => (
                      <li key={r.id} className={`review review-${r.decision}`}>
                        <strong>{DECISION[r.decision]}</strong> by {r.author}, {formatInstant(r.at, zone)}
                        {r.resubmitBy ? (
                          <>
                            {' '}
                            — resubmit by{' '}
                            <time dateTime={r.resubmitBy}>{formatInstant(r.resubmitBy, zone)}</time>
                          </>
                        ) : null}
                        {r.body ? <p className="review-body">{r.body}</p> : null}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
          <ReviewForm data={data} version={counted ?? newest[0]!} onChanged={onChanged} />
        </>
      )}
    </div>
  );
}
