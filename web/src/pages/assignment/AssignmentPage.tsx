// Staff run the role assignment: plan → preview (diff, notes, explanations) → apply; edit and lock by hand; publish.
import { useCallback, useEffect, useState } from 'react';
import { useCourse, useDocumentTitle } from '../../course-context.js';
import { Empty, Loading } from '../../components/states.js';
import { call, detailsOf, messageOf } from '../../auth/client.js';
import { FormError, FormNotice } from '../../auth/Field.js';
import { formatDay } from '../../time.js';
import type { RolePlanBody, StaffAssignmentBody } from '../../../../src/contracts/assignment.js';
import { PlanPreview } from './PlanPreview.js';
import { PublishPanel } from './PublishPanel.js';
import { RoleEditor } from './RoleEditor.js';
import { PreferenceMatrix } from './PreferenceMatrix.js';
import { AssignmentSettings } from './AssignmentSettings.js';
import { TalkSlots } from './TalkSlots.js';
import '../../auth/auth.css';
import './assignment.css';
import { Icon } from '../../components/Icon.js';

const ROLES = ['presenter', 'summarizer', 'reviewer'] as const;
const ROLE_HEAD = { presenter: 'Presenters', summarizer: 'Summary', reviewer: 'Reviewers' } as const;

export default function AssignmentPage() {
  const course = useCourse();
  useDocumentTitle('Assignment', [course.code, course.title].filter(Boolean).join(' '));
  const base = `/api/courses/${encodeURIComponent(course.slug)}`;
  const [data, setData] = useState<StaffAssignmentBody | null>(null);
  const [plan, setPlan] = useState<RolePlanBody | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => {
    call<StaffAssignmentBody>('GET', `${base}/assignment/staff`).then(
      (body) => {
        setData(body);
        setPlan((p) =>
          p
            ? body.latestPlan?.planId === p.planId
              ? body.latestPlan
              : p
            : body.latestPlan && !body.latestPlan.appliedAt
              ? body.latestPlan
              : null,
        );
      },
      (e: unknown) => setError(messageOf(e)),
    );
  }, [base]);
  useEffect(load, [load]);

  if (!course.abilities.runAssignment) {
    return (
      <Empty>
        <h1>Assignment</h1>
        <p>Only the course staff run the role assignment.</p>
      </Empty>
    );
  }
  if (!data) return error ? <FormError message={error} /> : <Loading label="Loading the assignment" />;

  async function act(work: () => Promise<string>) {
    setError(null);
    setNotice(null);
    try {
      setNotice(await work());
      load();
    } catch (e) {
      const d = detailsOf(e);
      const messages = Array.isArray(d?.messages) ? (d!.messages as string[]) : null;
      setError(messages ? messages.join(' ') : messageOf(e));
    }
  }

  const name = new Map(data.groups.map((g) => [g.id, g.name]));
  const published = data.settings.rolesPublishedAt;
  return (
    <>
      <h1>Role assignment</h1>
      <p className="lede">
        {data.groups.length} groups, {data.meetings.length} lectures needing presenters. Per lecture:{' '}
        {data.settings.roles.presentersPerMeeting} presenter group,{' '}
        {data.settings.roles.summarizersPerMeeting} summary group, reviewers{' '}
        {data.settings.roles.reviewersPerMeeting === 'each-group-once'
          ? 'so that every group reviews once'
          : `${data.settings.roles.reviewersPerMeeting} per lecture`}
        .
      </p>
      <FormNotice message={notice} />
      <FormError message={error} />

      <PublishPanel
        publishedAt={published}
        wouldMail={data.publishWouldMail}
        timeZone={course.timeZone}
        hasRoles={data.roles.length > 0}
        onPublish={(next) =>
          act(async () => {
            const r = await call<{ groupsMailed: number }>('POST', `${base}/assignment/publish`, {
              published: next,
            });
            if (!next) return 'Roles taken back: students no longer see them.';
            return r.groupsMailed > 0
              ? `Roles published; ${r.groupsMailed} group${r.groupsMailed === 1 ? '' : 's'} mailed about their changed roles.`
              : 'Roles published.';
          })
        }
      />

      <section className="section" aria-labelledby="plan">
        <h2 id="plan">Plan</h2>
        <p>
          The solver keeps locked roles and exclusions, and the roles of classes that have started. Nothing
          changes until you apply the plan.
        </p>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            setError(null);
            setNotice(null);
            call<RolePlanBody>('POST', `${base}/assignment/plan`, {})
              .then(setPlan, (e: unknown) => {
                const d = detailsOf(e);
                setError(Array.isArray(d?.messages) ? (d!.messages as string[]).join(' ') : messageOf(e));
              })
              .finally(() => setBusy(false));
          }}
        >
          {busy ? 'Planning…' : 'Plan assignment'}
        </button>
        {plan ? (
          <PlanPreview
            plan={plan}
            published={published !== null}
            onApply={() =>
              void act(async () => {
                const r = await call<{ applied: number }>('POST', `${base}/assignment/apply`, {
                  planId: plan.planId,
                });
                setPlan(null);
                return `Plan applied: ${r.applied} roles. Nobody was mailed: publish ${published ? 'the changes' : 'the roles'} when ready.`;
              })
            }
          />
        ) : null}
      </section>

      <section className="section" aria-labelledby="current">
        <h2 id="current">Current roles ({data.roles.length})</h2>
        {data.violations.length > 0 ? (
          <div className="notice" role="status">
            <p>
              <strong>
                These roles break {data.violations.length} rule{data.violations.length === 1 ? '' : 's'}:
              </strong>
            </p>
            <ul>
              {data.violations.map((v, i) => (
                <li key={i}>{v.message}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {data.roles.length === 0 ? (
          <Empty>
            <p>No roles yet: plan and apply an assignment.</p>
          </Empty>
        ) : (
          <div
            className="table-scroll"
            data-scroll-container=""
            tabIndex={0}
            role="region"
            aria-label="Roles per lecture"
          >
            <table className="data-table">
              <caption className="visually-hidden">Roles per lecture; a lock marks a locked role</caption>
              <thead>
                <tr>
                  <th scope="col">Lecture</th>
                  {ROLES.map((r) => (
                    <th scope="col" key={r}>
                      {ROLE_HEAD[r]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.meetings.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">{formatDay(m.date)}</th>
                    {ROLES.map((role) => (
                      <td key={role}>
                        {data.roles
                          .filter((r) => r.meetingId === m.id && r.role === role)
                          .map((r) => (
                            <span key={r.groupId}>
                              {name.get(r.groupId) ?? r.groupId}{' '}
                              <button
                                type="button"
                                className="button button-secondary small"
                                aria-pressed={r.locked}
                                aria-label={`${r.locked ? 'Unlock' : 'Lock'} ${name.get(r.groupId)} as ${role} on ${formatDay(m.date)}`}
                                onClick={() =>
                                  void act(async () => {
                                    await call('POST', `${base}/assignment/locks`, {
                                      meetingId: m.id,
                                      groupId: r.groupId,
                                      locked: !r.locked,
                                    });
                                    return r.locked ? 'Unlocked.' : 'Locked: re-solving keeps it.';
                                  })
                                }
                              >
                                <Icon name={r.locked ? 'lock' : 'unlock'} />
                                <span className="icon-label">{r.locked ? 'Locked' : 'Lock'}</span>
                              </button>{' '}
                            </span>
                          ))}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <RoleEditor
          base={base}
          data={data}
          onSaved={(msg) => {
            setNotice(msg);
            load();
          }}
        />
      </section>

      <AssignmentSettings
        base={base}
        data={data}
        onSaved={(msg) => {
          setNotice(msg);
          load();
        }}
      />

      <TalkSlots base={base} timeZone={course.timeZone} rolesPublished={published !== null} />

      <PreferenceMatrix base={base} />
    </>
  );
}
