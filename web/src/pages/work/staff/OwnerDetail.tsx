// One student's or group's hand-ins of a deliverable: every version (time, on time or late, size, sha-256, download, reviews), the counted one, decisions and comments, extensions.
import { useCallback, useEffect, useState } from 'react';
import { useCourse } from '../../../course-context.js';
import { Empty, Loading } from '../../../components/states.js';
import { messageOf } from '../../../auth/client.js';
import { FormError, FormNotice } from '../../../auth/Field.js';
import { Link } from '../../../router.js';
import { formatDay, formatInstant } from '../../../time.js';
import { GrantExtensionForm } from './GrantExtensionForm.js';
import { Slot } from './OwnerSlot.js';
import {
  staffApi,
  type DeliverableSettingsView,
  type ExtensionList,
  type OccasionView,
  type OwnerHandIns,
} from './staff-client.js';
import { ownerUrl, workUrl } from './urls.js';
import { Icon } from '../../../components/Icon.js';

const STATE: Record<OccasionView['state'], string> = {
  open: 'Not handed in yet',
  missing: 'Missing',
  done: 'Handed in on time',
  late: 'Handed in late',
  zero: 'Late — scores zero',
};

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
      <Link to={workUrl(course.slug, { key: deliverableKey })}>
        <Icon name="arrow-left" />
        <span className="icon-label">Everyone’s status on this deliverable</span>
      </Link>
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
