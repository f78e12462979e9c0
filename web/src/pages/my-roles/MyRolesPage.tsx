// A student's own roles, once published: which lecture, which role, the dates it implies with countdowns, and past roles marked done or missed.
import { useEffect, useState } from 'react';
import { useCourse, useDocumentTitle } from '../../course-context.js';
import { Empty, Loading } from '../../components/states.js';
import { call, messageOf } from '../../auth/client.js';
import { FormError } from '../../auth/Field.js';
import { countdownTo, formatDay, formatInstant } from '../../time.js';
import type { MyRolesBody } from '../../../../src/contracts/assignment.js';
import { noteServerTime, useServerNow } from '../../components/server-now.js';
import { workApi, type DueItem } from '../work/work-client.js';
import { MyTalkSlot } from './MyTalkSlot.js';
import '../assignment/assignment.css';
import '../work/work.css';

type Role = MyRolesBody['roles'][number];

/** The hand-in a role asks for (What is due knows whether it was handed in). */
const ROLE_DELIVERABLE: Partial<Record<Role['role'], string>> = {
  presenter: 'slides',
  summarizer: 'summary',
};

/** When a role is over: its deadline and its class have both passed (a summary is due after the class). */
function roleEnd(r: Role): number {
  const times = [r.due?.at, r.classEnd ?? r.classStart]
    .filter((t): t is string => typeof t === 'string')
    .map((t) => Date.parse(t));
  return times.length > 0 ? Math.max(...times) : Date.parse(`${r.date}T23:59:59Z`);
}

/** "Done" / "Done late" / "Missed" for a past role's hand-in, from What is due; null when it does not know. */
function outcomeOf(item: DueItem | undefined): { words: string; tone: string } | null {
  if (!item) return null;
  if (item.state === 'done') return { words: 'Done', tone: 'done' };
  if (item.state === 'late') return { words: 'Done late', tone: 'late' };
  if (item.state === 'zero') return { words: 'Done late — scores zero', tone: 'zero' };
  if (item.state === 'missed') return { words: 'Missed', tone: 'missed' };
  return null;
}

const ROLE_LABEL = { presenter: 'Presenter', summarizer: 'Summary writer', reviewer: 'Reviewer' } as const;

export default function MyRolesPage() {
  const course = useCourse();
  useDocumentTitle('My roles', [course.code, course.title].filter(Boolean).join(' '));
  const [data, setData] = useState<MyRolesBody | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [items, setItems] = useState<DueItem[]>([]);
  const now = useServerNow();
  useEffect(() => {
    call<MyRolesBody>('GET', `/api/courses/${encodeURIComponent(course.slug)}/my-roles`).then(
      setData,
      (e: unknown) => setError(messageOf(e)),
    );
    // What is due says whether a past role's slides or summary were handed in, and gives the server's clock.
    if (course.abilities.viewOwnGrades)
      workApi.dashboard(course.slug).then(
        (d) => {
          noteServerTime(d.now);
          setItems(d.items);
        },
        () => undefined,
      );
  }, [course.slug, course.abilities.viewOwnGrades]);

  if (!course.abilities.manageOwnGroup) {
    return (
      <Empty>
        <h1>My roles</h1>
        <p>Students see their group's roles here once the staff publish them.</p>
      </Empty>
    );
  }
  if (!data) return error ? <FormError message={error} /> : <Loading label="Loading your roles" />;
  return (
    <>
      <h1>My roles</h1>
      <MyTalkSlot slug={course.slug} />
      {!data.groupId ? (
        <Empty>
          <p>
            You are not in a group yet. <a href={`/courses/${course.slug}/groups`}>Form or join one</a>.
          </p>
        </Empty>
      ) : !data.published ? (
        <Empty>
          <p>
            The roles of {data.groupName} are not published yet. The staff will publish them after the
            assignment.
          </p>
        </Empty>
      ) : data.roles.length === 0 ? (
        <Empty>
          <p>{data.groupName} has no roles.</p>
        </Empty>
      ) : (
        <>
          <p className="lede">
            Roles of {data.groupName}. Times are in {data.timeZone}.
          </p>
          <table className="data-table stack-table">
            <caption className="visually-hidden">Your group's roles and deadlines</caption>
            <thead>
              <tr>
                <th scope="col">Class</th>
                <th scope="col">Role</th>
                <th scope="col">Reading</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {data.roles.map((r) => {
                const past = roleEnd(r) < now;
                const key = ROLE_DELIVERABLE[r.role];
                const item = key
                  ? items.find((i) => i.deliverableKey === key && i.meetingDate === r.date)
                  : undefined;
                const outcome = past ? outcomeOf(item) : null;
                // Upcoming: count down to the deadline if it is still ahead, else to the class.
                const target = r.due && Date.parse(r.due.at) > now ? r.due.at : r.classStart;
                const c = target ? countdownTo(target, now) : null;
                return (
                  <tr key={`${r.meetingId}-${r.role}`} className={past ? 'role-row-past' : undefined}>
                    <th scope="row">{formatDay(r.date)}</th>
                    <td className={`role-${r.role}`} data-label="Role">
                      {ROLE_LABEL[r.role]}
                    </td>
                    <td data-label="Reading">{r.readings.join('; ') || r.title || ''}</td>
                    <td data-label="Due">
                      {r.due ? `${r.due.what}: ${formatInstant(r.due.at, data.timeZone)}` : ''}
                    </td>
                    <td data-label="Status">
                      {past ? (
                        outcome ? (
                          <span className={`state-tag state-${outcome.tone}`}>Past — {outcome.words}</span>
                        ) : (
                          <span className="state-tag state-past">Past</span>
                        )
                      ) : c ? (
                        <strong className={`countdown role-countdown urgency-${c.urgency}`}>
                          {target === r.classStart ? `Class ${c.words.replace('due in', 'in')}` : c.words}
                        </strong>
                      ) : (
                        'Upcoming'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
