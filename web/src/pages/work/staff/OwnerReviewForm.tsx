// The review form under an owner's versions: a comment, or (when the deliverable needs approval) approve or return with comments.
import { useState } from 'react';
import { useCourse } from '../../../course-context.js';
import { messageOf } from '../../../auth/client.js';
import { FieldBox, fieldAria } from '../../../auth/Field.js';
import { staffApi, type Decision, type OwnerHandIns, type VersionView } from './staff-client.js';

export function ReviewForm({
  data,
  version,
  onChanged,
}: {
  data: OwnerHandIns;
  version: VersionView;
  onChanged: (notice: string) => void;
}) {
  const course = useCourse();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `review-${version.id}`;
  const send = async (decision: Decision) => {
    setError(null);
    if (decision !== 'approved' && body.trim() === '') {
      setError(
        decision === 'returned' ? 'Say what to change before returning it.' : 'Write the comment first.',
      );
      return;
    }
    setBusy(true);
    try {
      await staffApi.review(course.slug, version.id, decision, body);
      setBody('');
      onChanged(
        decision === 'approved'
          ? `Approved version ${version.version}; ${data.owner.name} sees it.`
          : decision === 'returned'
            ? `Returned version ${version.version} with your comments; ${data.owner.name} can hand in a new version.`
            : `Comment saved; ${data.owner.name} sees it.`,
      );
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="review-form"
      aria-label={`Review version ${version.version}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void send('comment');
      }}
    >
      <FieldBox
        id={id}
        label={`${data.deliverable.needsApproval ? 'Comments to the group' : `Comment for ${data.owner.name}`} (on version ${version.version})`}
        error={error}
      >
        <textarea
          id={id}
          rows={3}
          maxLength={20000}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          {...fieldAria(id, error)}
        />
      </FieldBox>
      <div className="form-actions">
        {data.deliverable.needsApproval ? (
          <>
            <button type="button" className="button" disabled={busy} onClick={() => void send('approved')}>
              Approve
            </button>
            <button
              type="button"
              className="button button-secondary"
              disabled={busy}
              onClick={() => void send('returned')}
            >
              Return with comments
            </button>
          </>
        ) : null}
        <button
          type="submit"
          className={`button${data.deliverable.needsApproval ? ' button-secondary' : ''}`}
          disabled={busy}
        >
          Add comment
        </button>
      </div>
    </form>
  );
}
