// Groups: students create a group, invite classmates, answer invitations, leave; staff see every group, move people, auto-form the rest.
import { useCallback, useEffect, useState } from 'react';
import { useCourse, useDocumentTitle } from '../../course-context.js';
import { Empty, Loading } from '../../components/states.js';
import { call, messageOf } from '../../auth/client.js';
import { FormError, FormNotice } from '../../auth/Field.js';
import { formatInstant } from '../../time.js';
import type { GroupsBody } from '../../../../src/contracts/groups.js';
import { FormationPanel } from './FormationPanel.js';
import { SignInLink } from '../../auth/SignInLink.js';
import '../../auth/auth.css';
import '../assignment/assignment.css';

export default function GroupsPage() {
  const course = useCourse();
  useDocumentTitle('Groups', [course.code, course.title].filter(Boolean).join(' '));
  const base = `/api/courses/${encodeURIComponent(course.slug)}`;
  const [data, setData] = useState<GroupsBody | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [groupName, setGroupName] = useState('');
  const [invitee, setInvitee] = useState('');

  const load = useCallback(() => {
    call<GroupsBody>('GET', `${base}/groups`).then(setData, (e: unknown) => setError(messageOf(e)));
  }, [base]);
  useEffect(load, [load]);

  if (!course.abilities.viewPrivate) {
    return (
      <Empty>
        <h1>Groups</h1>
        <p>
          <SignInLink>Sign in</SignInLink> as a member of this course to see its groups.
        </p>
      </Empty>
    );
  }

  async function act(work: () => Promise<string>) {
    setError(null);
    setNotice(null);
    try {
      setNotice(await work());
      load();
    } catch (e) {
      setError(messageOf(e));
    }
  }

  if (!data) {
    return (
      <>
        <h1>Groups</h1>
        <FormError message={error} />
        {error ? null : <Loading label="Loading the groups" />}
      </>
    );
  }
  const student = data.abilities.manageOwnGroup === true;
  const staff = data.abilities.runAssignment === true;
  const mine = data.groups.find((g) => g.id === data.myGroupId) ?? null;
  const { groupMin, groupMax, groupDeadline } = data.settings;
  const open = !data.deadlinePassed;

  return (
    <>
      <h1>Groups</h1>
      <p className="lede">
        Groups of {groupMin}–{groupMax} students.{' '}
        {groupDeadline
          ? `${open ? 'Form your group and rank meetings by' : 'Groups closed on'} ${formatInstant(groupDeadline, data.timeZone)}${open ? '' : '; the staff place the students still without a group'}.`
          : 'There is no group deadline.'}
      </p>
      <FormNotice message={notice} />
      <FormError message={error} />

      {student ? (
        <section className="section" aria-labelledby="my-group">
          <h2 id="my-group">Your group</h2>
          {mine ? (
            <>
              <p>
                <strong>{mine.name}</strong>: {mine.members.map((m) => m.name).join(', ')}
              </p>
              {data.invitationsFromMyGroup.length > 0 ? (
                <p className="muted">
                  Invited, waiting for an answer: {data.invitationsFromMyGroup.map((i) => i.name).join(', ')}
                </p>
              ) : null}
              {open && mine.members.length < groupMax ? (
                <form
                  className="toolbar"
                  onSubmit={(e) => {
                    e.preventDefault();
                    const person = data.ungrouped.find((p) => p.userId === invitee);
                    if (!person) return setError('Choose a classmate to invite.');
                    void act(async () => {
                      await call('POST', `${base}/groups/mine/invitations`, { userId: invitee });
                      setInvitee('');
                      return `Invitation sent to ${person.name}.`;
                    });
                  }}
                >
                  <label>
                    Invite a classmate
                    <select value={invitee} onChange={(e) => setInvitee(e.target.value)}>
                      <option value="">Choose…</option>
                      {data.ungrouped
                        .filter((p) => !data.invitationsFromMyGroup.some((i) => i.userId === p.userId))
                        .map((p) => (
                          <option key={p.userId} value={p.userId}>
                            {p.name}
                          </option>
                        ))}
                    </select>
                  </label>
                  <button className="button" type="submit">
                    Send invitation
                  </button>
                </form>
              ) : null}
              <p>
                <a href={`/courses/${course.slug}/ranking`}>Rank the meetings you would like to present</a>
                {' · '}
                <a href={`/courses/${course.slug}/my-roles`}>Your roles</a>
              </p>
              {open ? (
                <button
                  className="button button-secondary"
                  type="button"
                  onClick={() =>
                    void act(async () => {
                      if (!window.confirm(`Leave ${mine.name}?`)) return 'You stayed in your group.';
                      await call('POST', `${base}/groups/mine/leave`);
                      return `You left ${mine.name}.`;
                    })
                  }
                >
                  Leave {mine.name}
                </button>
              ) : null}
            </>
          ) : (
            <>
              {data.invitationsToMe.length > 0 ? (
                <ul className="panel-list">
                  {data.invitationsToMe.map((inv) => (
                    <li key={inv.id}>
                      {inv.groupName} invited you.{' '}
                      <button
                        className="button small"
                        type="button"
                        onClick={() =>
                          void act(async () => {
                            await call('POST', `${base}/invitations/${inv.id}/accept`);
                            return `You joined ${inv.groupName}.`;
                          })
                        }
                      >
                        Accept {inv.groupName}
                      </button>{' '}
                      <button
                        className="button button-secondary small"
                        type="button"
                        onClick={() =>
                          void act(async () => {
                            await call('POST', `${base}/invitations/${inv.id}/decline`);
                            return `You declined ${inv.groupName}.`;
                          })
                        }
                      >
                        Decline
                      </button>
                    </li>
                  ))}
                </ul>
              ) : null}
              {open ? (
                <form
                  className="toolbar"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void act(async () => {
                      const made = await call<{ name: string }>(
                        'POST',
                        `${base}/groups`,
                        groupName.trim() ? { name: groupName.trim() } : {},
                      );
                      setGroupName('');
                      return `You created ${made.name}. Invite your classmates below.`;
                    });
                  }}
                >
                  <label>
                    Group name (optional)
                    <input
                      value={groupName}
                      maxLength={60}
                      onChange={(e) => setGroupName(e.target.value)}
                      placeholder="Group N"
                    />
                  </label>
                  <button className="button" type="submit">
                    Create a group
                  </button>
                </form>
              ) : (
                <p>You are not in a group yet. The course staff will place you in one.</p>
              )}
            </>
          )}
        </section>
      ) : null}

      <section className="section" aria-labelledby="all-groups">
        <h2 id="all-groups">All groups ({data.groups.length})</h2>
        {data.groups.length === 0 ? (
          <Empty>
            <p>No groups yet.</p>
          </Empty>
        ) : (
          <table className="data-table">
            <caption className="visually-hidden">Groups and their members</caption>
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col">Members</th>
                {staff ? <th scope="col">Check</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.groups.map((g) => (
                <tr key={g.id}>
                  <th scope="row">{g.name}</th>
                  <td>
                    {g.members.map((m, i) => (
                      <span key={m.userId}>
                        {i > 0 ? ', ' : ''}
                        {m.name}
                        {staff ? (
                          <MoveSelect
                            name={m.name}
                            current={g.id}
                            groups={data.groups}
                            onMove={(target) =>
                              act(async () => {
                                await call('POST', `${base}/groups/move`, { userId: m.userId, target });
                                return `${m.name} moved.`;
                              })
                            }
                          />
                        ) : null}
                      </span>
                    ))}
                  </td>
                  {staff ? <td className={g.problem ? 'problem' : 'good'}>{g.problem ?? 'OK'}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="section" aria-labelledby="ungrouped">
        <h2 id="ungrouped">Students without a group ({data.ungrouped.length})</h2>
        {data.ungrouped.length === 0 ? (
          <p>Every student is in a group.</p>
        ) : (
          <ul className="panel-list">
            {data.ungrouped.map((p) => (
              <li key={p.userId}>
                {p.name}
                {staff ? (
                  <MoveSelect
                    name={p.name}
                    current={null}
                    groups={data.groups}
                    onMove={(target) =>
                      act(async () => {
                        await call('POST', `${base}/groups/move`, { userId: p.userId, target });
                        return `${p.name} placed.`;
                      })
                    }
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {staff ? (
        <FormationPanel base={base} settings={data.settings} timeZone={data.timeZone} onChanged={load} />
      ) : null}
    </>
  );
}

function MoveSelect({
  name,
  current,
  groups,
  onMove,
}: {
  name: string;
  current: string | null;
  groups: GroupsBody['groups'];
  onMove: (target: string | null) => void;
}) {
  return (
    <select
      className="small"
      aria-label={`Move ${name} to`}
      value=""
      onChange={(e) => {
        const v = e.target.value;
        if (v === '') return;
        onMove(v === 'none' ? null : v);
      }}
    >
      <option value="">Move…</option>
      {groups
        .filter((g) => g.id !== current)
        .map((g) => (
          <option key={g.id} value={g.id}>
            to {g.name}
          </option>
        ))}
      <option value="new">to a new group</option>
      {current ? <option value="none">out of every group</option> : null}
    </select>
  );
}
