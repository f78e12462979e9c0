// Staff view of hand-ins: one class (questions, slides and summary status, attendance) or one deliverable (everyone's status), zips.
import { useEffect, useState } from 'react';
import { useCourse, useDocumentTitle } from '../../course-context.js';
import { Empty, Loading } from '../../components/states.js';
import { call, messageOf } from '../../auth/client.js';
import { FormError } from '../../auth/Field.js';
import { formatDay, formatInstant } from '../../time.js';
import { workApi, type DeliverableView, type Receipt } from './work-client.js';
import './work.css';

interface Cell {
  occasion: string | null;
  state: string;
  receipt: Receipt | null;
  versions: number;
  notHeld?: boolean;
  review: { decision: string; body: string } | null;
}
interface MeetingView {
  meetingDate: string;
  meetingTitle: string | null;
  questions: { deadline: string; readings: string[]; students: Array<{ userId: string; name: string; handedIn: number; needed: number; late: boolean }> } | null;
  roles: Array<{ deliverableKey: string; title: string; dueAt: string; groups: Array<{ groupId: string; name: string; members: string[]; cell: Cell }> }>;
  attendance: { taken: boolean; counts: Record<string, number> };
}
interface TableView {
  title: string;
  occasions: Array<{ key: string | null; label: string; dueAt: string }>;
  rows: Array<{ ownerId: string; name: string; members: string[]; cells: Cell[] }>;
}

const WORDS: Record<string, string> = { done: 'On time', late: 'Late', zero: 'Late (zero)', missing: 'Missing', open: '—' };

export default function StaffWorkPage() {
  const course = useCourse();
  useDocumentTitle('Hand-ins', [course.code, course.title].filter(Boolean).join(' '));
  const [deliverables, setDeliverables] = useState<DeliverableView[]>([]);
  const dates = [...new Set(course.meetings.filter((m) => m.kind === 'lecture').map((m) => m.date))];
  const [date, setDate] = useState(new URLSearchParams(window.location.search).get('date') ?? dates.find((d) => d >= new Date().toISOString().slice(0, 10)) ?? dates.at(-1) ?? '');
  const [key, setKey] = useState('summary');
  const [meeting, setMeeting] = useState<MeetingView | null>(null);
  const [table, setTable] = useState<TableView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    workApi.deliverables(course.slug).then((d) => setDeliverables(d.deliverables), () => undefined);
  }, [course.slug]);
  useEffect(() => {
    setMeeting(null);
    if (date) call<MeetingView>('GET', `/api/courses/${course.slug}/meetings/${date}/dashboard`).then(setMeeting, (e: unknown) => setError(messageOf(e)));
  }, [course.slug, date]);
  useEffect(() => {
    setTable(null);
    call<TableView>('GET', `/api/courses/${course.slug}/deliverables/${key}/status`).then(setTable, (e: unknown) => setError(messageOf(e)));
  }, [course.slug, key]);

  if (!course.abilities.viewAllSubmissions) {
    return (
      <Empty>
        <h1>Hand-ins</h1>
        <p>Only the course staff see everyone’s hand-ins.</p>
      </Empty>
    );
  }
  const zone = course.timeZone;
  return (
    <>
      <h1>Hand-ins</h1>
      <FormError message={error} />
      <section aria-labelledby="by-class">
        <h2 id="by-class">By class</h2>
        <div className="field">
          <label htmlFor="w-class">Class</label>
          <select id="w-class" value={date} onChange={(e) => setDate(e.target.value)}>
            {dates.map((d) => (
              <option key={d} value={d}>
                {formatDay(d)}
              </option>
            ))}
          </select>{' '}
          <a href={workApi.zipUrl(course.slug, { meetingDate: date })}>Download every hand-in of this class (zip)</a>
        </div>
        {!meeting ? (
          <Loading label="Loading the class" />
        ) : (
          <>
            <p>
              Attendance: {meeting.attendance.taken ? `${meeting.attendance.counts.present ?? 0} present, ${meeting.attendance.counts.absent ?? 0} absent, ${meeting.attendance.counts.excused ?? 0} excused` : 'roll not taken'} · <a href={`/courses/${course.slug}/attendance?date=${date}`}>Take the roll</a> · <a href={`/courses/${course.slug}/questions?date=${date}`}>Read the questions</a>
            </p>
            {meeting.roles.map((r) => (
              <div key={r.deliverableKey}>
                <h3>
                  {r.title} (due {formatInstant(r.dueAt, zone)})
                </h3>
                {r.groups.length === 0 ? (
                  <p>No group holds this role.</p>
                ) : (
                  <ul>
                    {r.groups.map((g) => (
                      <li key={g.groupId}>
                        {g.name} ({g.members.join(', ')}): <strong>{WORDS[g.cell.state]}</strong>
                        {g.cell.receipt ? (
                          <>
                            {' '}
                            · <a href={workApi.downloadUrl(course.slug, g.cell.receipt.id)}>download</a> · {g.cell.versions} version(s)
                          </>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            ))}
            {meeting.questions ? (
              <>
                <h3>Questions (due {formatInstant(meeting.questions.deadline, zone)})</h3>
                <table className="status-table">
                  <caption className="visually-hidden">Questions handed in per student</caption>
                  <thead>
                    <tr>
                      <th scope="col">Student</th>
                      <th scope="col">Handed in</th>
                    </tr>
                  </thead>
                  <tbody>
                    {meeting.questions.students.map((s) => (
                      <tr key={s.userId}>
                        <th scope="row">{s.name}</th>
                        <td>
                          {s.handedIn} of {s.needed}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            ) : null}
          </>
        )}
      </section>
      <section aria-labelledby="by-deliverable">
        <h2 id="by-deliverable">By deliverable</h2>
        <div className="field">
          <label htmlFor="w-del">Deliverable</label>
          <select id="w-del" value={key} onChange={(e) => setKey(e.target.value)}>
            {deliverables.map((d) => (
              <option key={d.key} value={d.key}>
                {d.title}
              </option>
            ))}
          </select>{' '}
          <a href={workApi.zipUrl(course.slug, { key })}>Download all (zip)</a>
        </div>
        {!table ? (
          <Loading label="Loading the table" />
        ) : (
          <div className="table-scroll">
            <table className="status-table">
              <caption className="visually-hidden">Everyone’s status on {table.title}</caption>
              <thead>
                <tr>
                  <th scope="col">Who</th>
                  {table.occasions.map((o) => (
                    <th scope="col" key={o.label}>
                      {o.key ? formatDay(o.key) : o.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((r) => (
                  <tr key={r.ownerId}>
                    <th scope="row">{r.name}</th>
                    {r.cells.map((c, i) => (
                      <td key={i}>{c.notHeld ? '' : WORDS[c.state]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
