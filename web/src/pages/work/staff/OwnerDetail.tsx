// One student's or group's hand-ins of a deliverable: every version (time, on time or late, size, sha-256, download, reviews), the counted one, decisions and comments, extensions.
import { useCallback, useEffect, useState } from 'react';
import { useCourse } from '../../../course-context.js';
import { Empty, Loading } from '../../../components/states.js';
import { messageOf } from '../../../auth/client.js';
import { FieldBox, fieldAria, FormError, FormNotice } from '../../../auth/Field.js';
import { Link } from '../../../router.js';
import { formatDay, formatInstant } from '../../../time.js';
import { bytes } from '../work-client.js';
import { GrantExtensionForm } from './ExtensionsPanel.js';
import {
  staffApi,
  type Decision,
  type DeliverableSettingsView,
  type ExtensionList,
  type OccasionView,
  type OwnerHandIns,
  type SlotView,
  type VersionView,
} from './staff-client.js';
import { ownerUrl, workUrl } from './urls.js';

const OUTCOME: Record<VersionView['outcome'], string> = {
  'on-time': 'On time',
  late: 'Late',
  'late-zero': 'Late — scores zero',
};
const STATE: Record<OccasionView['state'], string> = {
  open: 'Not handed in yet',
  missing: 'Missing',
  done: 'Handed in on time',
  late: 'Handed in late',
  zero: 'Late — scores zero',
};
const DECISION: Record<Decision, string> = { comment: 'Comment', approved: 'Approved', returned: 'Returned' };

function lateBy(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 6) / 10;
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} days`;
}

export function OwnerDetail({
  deliverableKey,
  owner,
  meetingDate,
}: {
  deliverableKey: string;
  owner: string;
  meetingDate: string | null;
}) {
  const course = useCourse();
  const [data, setData] = useState<OwnerHandIns | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [deliverables, setDeliverables] = useState<DeliverableSettingsView[]>([]);
  const [people, setPeople] = useState<Pick<ExtensionList, 'students' | 'groups'>>({
    students: [],
    groups: [],
  });
  const load = useCallback(
    () =>
      staffApi.handIns(course.slug, deliverableKey, owner, meetingDate).then(
        (d) => {
          setData(d);
          setError(null);
        },
        (e: unknown) => setError(messageOf(e)),
      ),
    [course.slug, deliverableKey, owner, meetingDate],
  );
  useEffect(() => {
    setData(null);
    void load();
    staffApi.deliverables(course.slug).then(
      (d) => setDeliverables(d.deliverables),
      () => undefined,
    );
    staffApi.extensions(course.slug).then(
      (x) => setPeople({ students: x.students, groups: x.groups }),
      () => undefined,
    );
  }, [course.slug, load]);

  const back = (
    <p>
      <Link to={workUrl(course.slug, { key: deliverableKey })}>← Everyone’s status on this deliverable</Link>
    </p>
  );
  if (!data)
    return error ? (
      <>
        {back}
        <FormError message={error} />
      </>
    ) : (
      <Loading label="Loading the hand-ins" />
    );
  const done = (text: string) => {
    setNotice(text);
    void load();
  };
  return (
    <section aria-labelledby="owner-title" className="owner-detail">
      {back}
      <h2 id="owner-title">
        {data.owner.name} — {data.deliverable.title}
      </h2>
      {data.owner.members.length > 0 ? (
        <p className="muted">Members: {data.owner.members.join(', ')}</p>
      ) : null}
      {meetingDate ? (
        <p>
          <Link to={ownerUrl(course.slug, deliverableKey, owner, null)}>Show every class</Link>
        </p>
      ) : null}
      <FormNotice message={notice} />
      <FormError message={error} />
      {data.occasions.length === 0 ? (
        <Empty>
          <p>
            Nothing of “{data.deliverable.title}” is due from {data.owner.name}.
          </p>
        </Empty>
      ) : (
        data.occasions.map((o) => (
          <Occasion
            key={o.meetingDate ?? 'course'}
            data={data}
            occasion={o}
            deliverables={deliverables}
            people={people}
            onChanged={done}
          />
        ))
      )}
    </section>
  );
}

function Occasion({
  data,
  occasion: o,
  deliverables,
  people,
  onChanged,
}: {
  data: OwnerHandIns;
  occasion: OccasionView;
  deliverables: DeliverableSettingsView[];
  people: Pick<ExtensionList, 'students' | 'groups'>;
  onChanged: (notice: string) => void;
}) {
  const course = useCourse();
  const zone = course.timeZone;
  const [granting, setGranting] = useState(false);
  const id = `occ-${o.meetingDate ?? 'course'}`;
  const ownerId = data.owner.id.slice(2);
  const target =
    data.owner.kind === 'group'
      ? ({ kind: 'group', groupId: ownerId } as const)
      : ({ kind: 'student', userId: ownerId } as const);
  return (
    <article className="occasion" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {o.meetingDate
          ? `${formatDay(o.meetingDate)}${o.meetingTitle ? `: ${o.meetingTitle}` : ''}`
          : data.deliverable.title}
      </h3>
      <p className="due-when">
        <span className={`state-tag state-${o.state === 'missing' ? 'missed' : o.state}`}>
          {STATE[o.state]}
        </span>{' '}
        Due {formatInstant(o.regularDueAt, zone)}
      </p>
      {o.extension ? (
        <p className="extension-note">
          <strong>Extended</strong> to {formatInstant(o.extension.dueAt, zone)}
          {o.extension.reason ? ` — ${o.extension.reason}` : ''}.{' '}
          <Link to={workUrl(course.slug, { view: 'extensions' })}>Manage extensions</Link>
        </p>
      ) : null}
      {granting ? (
        <div className="grant-inline">
          <h4 id={`${id}-grant`}>Grant {data.owner.name} an extension</h4>
          {deliverables.length > 0 ? (
            <GrantExtensionForm
              labelledBy={`${id}-grant`}
              deliverables={deliverables}
              people={people}
              fixed={{ key: data.deliverable.key, meetingDate: o.meetingDate, target, name: data.owner.name }}
              onGranted={(text) => {
                setGranting(false);
                onChanged(text);
              }}
            />
          ) : (
            <Loading label="Loading the deliverables" />
          )}
          <button type="button" className="button button-secondary" onClick={() => setGranting(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" className="button button-secondary" onClick={() => setGranting(true)}>
          Grant an extension
          <span className="visually-hidden">
            {' '}
            to {data.owner.name}
            {o.meetingDate ? ` for ${formatDay(o.meetingDate)}` : ''}
          </span>
        </button>
      )}
      {o.slots.map((slot) => (
        <Slot
          key={slot.slot}
          data={data}
          slot={slot}
          headingId={`${id}-${slot.readingIndex ?? 'x'}`}
          onChanged={onChanged}
        />
      ))}
    </article>
  );
}

function Slot({
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
                        ? `${v.files[0].name}${v.files[0].pages ? ` (${v.files[0].pages} pages)` : ''}`
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

function ReviewForm({
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
