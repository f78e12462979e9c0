// A student's own roles, once published: which lecture, which role, and the dates it implies.
import { useEffect, useState } from 'react';
import { useCourse, useDocumentTitle } from '../../course-context.js';
import { Empty, Loading } from '../../components/states.js';
import { call, messageOf } from '../../auth/client.js';
import { FormError } from '../../auth/Field.js';
import { formatDay, formatInstant } from '../../time.js';
import type { MyRolesBody } from '../../../../src/contracts/assignment.js';
import { MyTalkSlot } from './MyTalkSlot.js';
import '../assignment/assignment.css';

const ROLE_LABEL = { presenter: 'Presenter', summarizer: 'Summary writer', reviewer: 'Reviewer' } as const;

export default function MyRolesPage() {
  const course = useCourse();
  useDocumentTitle('My roles', [course.code, course.title].filter(Boolean).join(' '));
  const [data, setData] = useState<MyRolesBody | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call<MyRolesBody>('GET', `/api/courses/${encodeURIComponent(course.slug)}/my-roles`).then(setData, (e: unknown) => setError(messageOf(e)));
  }, [course.slug]);

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
          <p>The roles of {data.groupName} are not published yet. The staff will publish them after the assignment.</p>
        </Empty>
      ) : data.roles.length === 0 ? (
        <Empty>
          <p>{data.groupName} has no roles.</p>
        </Empty>
      ) : (
        <>
          <p className="lede">Roles of {data.groupName}. Times are in {data.timeZone}.</p>
          <table className="data-table stack-table">
            <caption className="visually-hidden">Your group's roles and deadlines</caption>
            <thead>
              <tr>
                <th scope="col">Class</th>
                <th scope="col">Role</th>
                <th scope="col">Reading</th>
                <th scope="col">Due</th>
              </tr>
            </thead>
            <tbody>
              {data.roles.map((r) => (
                <tr key={`${r.meetingId}-${r.role}`}>
                  <th scope="row">{formatDay(r.date)}</th>
                  <td className={`role-${r.role}`} data-label="Role">{ROLE_LABEL[r.role]}</td>
                  <td data-label="Reading">{r.readings.join('; ') || r.title || ''}</td>
                  <td data-label="Due">{r.due ? `${r.due.what}: ${formatInstant(r.due.at, data.timeZone)}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
