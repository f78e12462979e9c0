// Extensions: every one granted in the course (revocable), with the form that grants one (GrantExtensionForm) below the list.
import { useCallback, useEffect, useState } from 'react';
import { useCourse } from '../../../course-context.js';
import { Empty, Loading } from '../../../components/states.js';
import { messageOf } from '../../../auth/client.js';
import { FormError, FormNotice } from '../../../auth/Field.js';
import { Link } from '../../../router.js';
import { formatDay, formatInstant } from '../../../time.js';
import { GrantExtensionForm } from './GrantExtensionForm.js';
import { staffApi, type DeliverableSettingsView, type ExtensionList } from './staff-client.js';
import { ownerUrl, workUrl } from './urls.js';

export function ExtensionsPanel() {
  const course = useCourse();
  const [data, setData] = useState<ExtensionList | null>(null);
  const [deliverables, setDeliverables] = useState<DeliverableSettingsView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const load = useCallback(
    () => staffApi.extensions(course.slug).then(setData, (e: unknown) => setError(messageOf(e))),
    [course.slug],
  );
  useEffect(() => {
    void load();
    staffApi.deliverables(course.slug).then(
      (d) => setDeliverables(d.deliverables),
      (e: unknown) => setError(messageOf(e)),
    );
  }, [course.slug, load]);

  if (!data || !deliverables)
    return error ? <FormError message={error} /> : <Loading label="Loading the extensions" />;
  const zone = course.timeZone;
  const revoke = async (id: string, who: string) => {
    setError(null);
    try {
      await staffApi.revokeExtension(course.slug, id);
      setNotice(`Revoked the extension of ${who}; the regular deadline applies again.`);
    } catch (e) {
      setError(messageOf(e));
    }
    setConfirming(null);
    await load();
  };
  return (
    <section aria-labelledby="ext-title">
      <h2 id="ext-title">Extensions</h2>
      <p className="lede">
        A later deadline for one student or a whole group (individual work: each member gets it), or for one
        group (group work). Grace still applies on top of it. Times are in {zone}.
      </p>
      <FormNotice message={notice} />
      <FormError message={error} />
      <h3>Granted ({data.extensions.length})</h3>
      {data.extensions.length === 0 ? (
        <Empty>
          <p>
            No extensions granted yet. Use the form below, or “Grant an extension” on a student’s or group’s
            hand-ins.
          </p>
        </Empty>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Extensions granted">
          <table className="status-table ext-table">
            <caption className="visually-hidden">Extensions granted in this course</caption>
            <thead>
              <tr>
                <th scope="col">Who</th>
                <th scope="col">Deliverable</th>
                <th scope="col">Regular deadline</th>
                <th scope="col">New deadline</th>
                <th scope="col">Reason</th>
                <th scope="col">Granted</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {data.extensions.map((x) => (
                <tr key={x.id}>
                  <th scope="row">{x.target.name}</th>
                  <td>
                    {x.deliverableTitle}
                    {x.meetingDate ? `, ${formatDay(x.meetingDate)}` : ''}
                  </td>
                  <td>{x.regularDueAt ? formatInstant(x.regularDueAt, zone) : '—'}</td>
                  <td>{formatInstant(x.dueAt, zone)}</td>
                  <td>{x.reason ?? '—'}</td>
                  <td>
                    by {x.grantedBy}, {formatInstant(x.grantedAt, zone)}
                  </td>
                  <td>
                    {x.owner ? (
                      <Link to={ownerUrl(course.slug, x.deliverableKey, x.owner, x.meetingDate)}>
                        Hand-ins
                      </Link>
                    ) : (
                      <Link
                        to={workUrl(course.slug, { key: x.deliverableKey })}
                        aria-label={`Status of ${x.deliverableTitle}`}
                      >
                        Status
                      </Link>
                    )}{' '}
                    {confirming === x.id ? (
                      <span role="group" aria-label={`Revoke the extension of ${x.target.name}?`}>
                        <button
                          type="button"
                          className="button button-danger small"
                          onClick={() => void revoke(x.id, x.target.name)}
                        >
                          Yes, revoke
                        </button>{' '}
                        <button
                          type="button"
                          className="button button-secondary small"
                          onClick={() => setConfirming(null)}
                        >
                          Keep it
                        </button>
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="button button-secondary small"
                        aria-label={`Revoke the extension of ${x.target.name} for ${x.deliverableTitle}${x.meetingDate ? `, ${formatDay(x.meetingDate)}` : ''}`}
                        onClick={() => setConfirming(x.id)}
                      >
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3 id="grant-title">Grant an extension</h3>
      <GrantExtensionForm
        labelledBy="grant-title"
        deliverables={deliverables}
        people={data}
        onGranted={(text) => {
          setNotice(text);
          void load();
        }}
      />
    </section>
  );
}
