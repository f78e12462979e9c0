// Status of hand-ins for staff: one class (questions, role work, attendance) and one deliverable (everyone × its classes), each cell leading to that owner's versions.
import { useEffect, useState, type ReactNode } from 'react';
import { useCourse } from '../../../course-context.js';
import { Loading } from '../../../components/states.js';
import { call, messageOf } from '../../../auth/client.js';
import { FormError } from '../../../auth/Field.js';
import { Link, useNavigate, useSearchParams } from '../../../router.js';
import { formatDay, formatInstant, formatShortDay, localDate } from '../../../time.js';
import { workApi } from '../work-client.js';
import { staffApi, type DeliverableSettingsView, type StatusCell } from './staff-client.js';
import { ownerUrl, workUrl } from './urls.js';

interface MeetingView {
  meetingDate: string;
  meetingTitle: string | null;
  questions: {
    deadline: string;
    readings: string[];
    students: Array<{
      userId: string;
      name: string;
      handedIn: number;
      needed: number;
      late: boolean;
      /** Whether the questions were the student's (obligationFor at the deadline). */
      obligation: 'owed' | 'before-joined' | 'not-member';
    }>;
  } | null;
  roles: Array<{
    deliverableKey: string;
    title: string;
    dueAt: string;
    groups: Array<{ groupId: string; name: string; members: string[]; cell: StatusCell }>;
  }>;
  attendance: { taken: boolean; counts: Record<string, number> };
}
interface TableView {
  deliverableKey: string;
  title: string;
  occasions: Array<{ key: string | null; label: string; dueAt: string }>;
  rows: Array<{ ownerId: string; name: string; members: string[]; cells: StatusCell[] }>;
}

const WORDS: Record<string, string> = {
  done: 'On time',
  late: 'Late',
  zero: 'Late (zero)',
  missing: 'Missing',
  open: 'Not yet',
  'before-joined': 'Before joining',
  'not-member': 'Not enrolled',
};
const REVIEW: Record<string, string> = { approved: 'approved', returned: 'returned', comment: 'commented' };

/** Whether anything of the class was handed in (the zip would not be empty). */
function meetingHasHandIns(m: MeetingView): boolean {
  return (
    (m.questions?.students.some((s) => s.handedIn > 0) ?? false) ||
    m.roles.some((r) => r.groups.some((g) => g.cell.versions > 0))
  );
}

function short(iso: string, zone: string): string {
  return formatShortDay(iso, zone);
}

export function StatusView() {
  const course = useCourse();
  const params = useSearchParams();
  const navigate = useNavigate();
  const [deliverables, setDeliverables] = useState<DeliverableSettingsView[] | null>(null);
  const dates = [...new Set(course.meetings.filter((m) => m.kind === 'lecture').map((m) => m.date))];
  const date =
    params.get('date') ??
    dates.find((d) => d >= localDate(Date.now(), course.timeZone)) ??
    dates.at(-1) ??
    '';
  // Without a choice in the address: the summaries (the work staff read most), else the first deliverable.
  const key =
    params.get('key') ??
    (deliverables?.some((d) => d.key === 'summary') ? 'summary' : (deliverables?.[0]?.key ?? ''));
  const [meeting, setMeeting] = useState<MeetingView | null>(null);
  const [table, setTable] = useState<TableView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const go = (next: { date?: string; key?: string }) =>
    navigate(workUrl(course.slug, { date: next.date ?? date, key: next.key ?? key }), { replace: true });
  useEffect(() => {
    staffApi.deliverables(course.slug).then(
      (d) => setDeliverables(d.deliverables),
      (e: unknown) => {
        setDeliverables([]);
        setError(messageOf(e));
      },
    );
  }, [course.slug]);
  useEffect(() => {
    setMeeting(null);
    if (date)
      call<MeetingView>('GET', `/api/courses/${course.slug}/meetings/${date}/dashboard`).then(
        setMeeting,
        (e: unknown) => setError(messageOf(e)),
      );
  }, [course.slug, date]);
  useEffect(() => {
    setTable(null);
    if (!key) return;
    call<TableView>('GET', `/api/courses/${course.slug}/deliverables/${encodeURIComponent(key)}/status`).then(
      setTable,
      (e: unknown) => setError(messageOf(e)),
    );
  }, [course.slug, key]);
  const zone = course.timeZone;

  return (
    <>
      <FormError message={error} />
      <section aria-labelledby="by-deliverable">
        <h2 id="by-deliverable">By deliverable</h2>
        <div className="inline-select">
          <label htmlFor="w-del">Deliverable</label>
          <select id="w-del" value={key} onChange={(e) => go({ key: e.target.value })}>
            {(deliverables ?? []).map((d) => (
              <option key={d.key} value={d.key}>
                {d.title}
                {d.closed ? ' (closed)' : ''}
              </option>
            ))}
          </select>
          {table && table.deliverableKey === key ? (
            table.rows.some((r) => r.cells.some((c) => c.versions > 0)) ? (
              <a href={workApi.zipUrl(course.slug, { key })}>Download all (zip)</a>
            ) : (
              <span className="muted">Nothing handed in yet</span>
            )
          ) : null}
        </div>
        {deliverables?.length === 0 ? (
          <p>This course has no deliverables yet: they come from the syllabus’s milestones and policies.</p>
        ) : !table ? (
          <Loading label="Loading the table" />
        ) : table.rows.length === 0 ? (
          <p>
            No {table.occasions.length > 0 ? 'students or groups' : 'one'} to show yet: students join with a
            link from the roster, groups form on the Groups page.
          </p>
        ) : (
          <>
            <p className="hint">
              Choose a cell to see every version, comment, approve or return, pick the counted version or
              grant an extension.
              {table.rows.some((r) => r.cells.some((c) => c.notHeld))
                ? ' Shaded cells: nothing is due from that group for that class.'
                : ''}
            </p>
            <ScrollTable caption={`Everyone’s status on ${table.title}`}>
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
                    <th scope="row">
                      {r.name}
                      {r.members.length > 0 ? <span className="members">{r.members.join(', ')}</span> : null}
                    </th>
                    {r.cells.map((c, i) => (
                      <td key={i} className={c.notHeld ? 'not-held' : `cell-${c.state}`}>
                        {c.notHeld ? (
                          <span className="visually-hidden">Not due from {r.name}</span>
                        ) : (
                          <Link
                            to={ownerUrl(course.slug, table.deliverableKey, r.ownerId, c.occasion)}
                            aria-label={`${WORDS[c.state]}: ${r.name}${c.occasion ? `, ${formatDay(c.occasion)}` : ''}`}
                          >
                            {WORDS[c.state]}
                          </Link>
                        )}
                        {c.versions > 1 ? <span className="cell-note">{c.versions} versions</span> : null}
                        {c.chosenByStaff ? <span className="cell-note">staff’s pick</span> : null}
                        {c.review ? (
                          <span className="cell-note">{REVIEW[c.review.decision] ?? c.review.decision}</span>
                        ) : null}
                        {c.extension ? (
                          <span className="cell-note cell-ext">
                            extended to {short(c.extension.dueAt, zone)}
                          </span>
                        ) : null}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          </>
        )}
      </section>
      <section aria-labelledby="by-class">
        <h2 id="by-class">By class</h2>
        <div className="inline-select">
          <label htmlFor="w-class">Class</label>
          <select id="w-class" value={date} onChange={(e) => go({ date: e.target.value })}>
            {dates.map((d) => (
              <option key={d} value={d}>
                {formatDay(d)}
              </option>
            ))}
          </select>
          {meeting && meeting.meetingDate === date ? (
            meetingHasHandIns(meeting) ? (
              <a href={workApi.zipUrl(course.slug, { meetingDate: date })}>
                Download every hand-in of this class (zip)
              </a>
            ) : (
              <span className="muted">Nothing handed in yet</span>
            )
          ) : null}
        </div>
        {!meeting ? (
          <Loading label="Loading the class" />
        ) : (
          <>
            <p>
              Attendance:{' '}
              {meeting.attendance.taken
                ? `${meeting.attendance.counts.present ?? 0} present, ${meeting.attendance.counts.absent ?? 0} absent, ${meeting.attendance.counts.excused ?? 0} excused`
                : 'roll not taken'}{' '}
              · <a href={`/courses/${course.slug}/attendance?date=${date}`}>Take the roll</a> ·{' '}
              <a href={`/courses/${course.slug}/questions?date=${date}`}>Read the questions</a>
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
                            · {g.cell.versions} version{g.cell.versions === 1 ? '' : 's'}
                          </>
                        ) : null}{' '}
                        ·{' '}
                        <Link
                          to={ownerUrl(course.slug, r.deliverableKey, `g:${g.groupId}`, meeting.meetingDate)}
                        >
                          Versions and reviews<span className="visually-hidden"> of {g.name}</span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            ))}
            {meeting.questions ? (
              <>
                <h3>Questions (due {formatInstant(meeting.questions.deadline, zone)})</h3>
                <ScrollTable caption="Questions handed in per student">
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
                          {s.obligation !== 'owed' && s.handedIn === 0 ? (
                            // Due before the student joined (or while not enrolled): not theirs, not missing.
                            <span className={`state-tag state-${s.obligation}`}>{WORDS[s.obligation]}</span>
                          ) : (
                            <>
                              <Link
                                to={ownerUrl(course.slug, 'question', `u:${s.userId}`, meeting.meetingDate)}
                              >
                                {s.handedIn} of {s.needed}
                                <span className="visually-hidden"> questions by {s.name}</span>
                              </Link>
                              {s.late ? ' (late)' : ''}
                            </>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </ScrollTable>
              </>
            ) : null}
          </>
        )}
      </section>
    </>
  );
}

/** A status table in a box that scrolls sideways on a phone; the box takes focus so the keyboard can scroll it. */
function ScrollTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={`${caption} (scrolls sideways)`}>
      <table className="status-table">
        <caption className="visually-hidden">{caption}</caption>
        {children}
      </table>
    </div>
  );
}
