// The staff roll of a class, fast from the keyboard (↑/↓ to move, P/A/E to mark), with the check-in code to show in class.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useCourse, useDocumentTitle } from '../../course-context.js';
import { Empty, Loading } from '../../components/states.js';
import { messageOf } from '../../auth/client.js';
import { FormError } from '../../auth/Field.js';
import { formatDay, formatInstant } from '../../time.js';
import { workApi, type Mark, type Roll } from '../work/work-client.js';
import '../../auth/auth.css';
import '../assignment/assignment.css';
import '../work/work.css';

const KEYS: Record<string, Mark> = { p: 'present', a: 'absent', e: 'excused' };
const LABEL: Record<Mark, string> = { present: 'Present', absent: 'Absent', excused: 'Excused' };

export default function RollPage() {
  const course = useCourse();
  useDocumentTitle('Attendance', [course.code, course.title].filter(Boolean).join(' '));
  const dates = [
    ...new Set(course.meetings.filter((m) => m.kind !== 'no_class' && m.startsAt).map((m) => m.date)),
  ];
  const today = course.meetings.find(
    (m) => m.endsAt && Date.parse(m.endsAt) > Date.now() - 12 * 3_600_000,
  )?.date;
  const [date, setDate] = useState(
    new URLSearchParams(window.location.search).get('date') ?? today ?? dates.at(-1) ?? '',
  );
  const [roll, setRoll] = useState<Roll | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [row, setRow] = useState(0);
  const rows = useRef<Array<HTMLTableRowElement | null>>([]);

  useEffect(() => {
    setRoll(null);
    if (date) workApi.roll(course.slug, date).then(setRoll, (e: unknown) => setError(messageOf(e)));
  }, [course.slug, date]);

  if (!course.abilities.recordAttendance) {
    return (
      <Empty>
        <h1>Attendance</h1>
        <p>Only the course staff take the roll.</p>
      </Empty>
    );
  }

  async function mark(userId: string, status: Mark) {
    setError(null);
    try {
      setRoll(await workApi.mark(course.slug, date, [{ userId, status }]));
    } catch (e) {
      setError(messageOf(e));
    }
  }

  function onKey(event: KeyboardEvent<HTMLTableSectionElement>) {
    if (!roll) return;
    const key = event.key.toLowerCase();
    let next: number;
    if (key === 'arrowdown' || key === 'j') next = Math.min(roll.entries.length - 1, row + 1);
    else if (key === 'arrowup' || key === 'k') next = Math.max(0, row - 1);
    else if (KEYS[key]) {
      const entry = roll.entries[row];
      if (entry) void mark(entry.userId, KEYS[key]);
      next = Math.min(roll.entries.length - 1, row + 1);
    } else return;
    event.preventDefault();
    setRow(next);
    rows.current[next]?.focus();
  }

  return (
    <>
      <h1>Attendance</h1>
      <div className="field roll-class">
        <label htmlFor="roll-class">Class</label>
        <select id="roll-class" value={date} onChange={(e) => setDate(e.target.value)}>
          {dates.map((d) => (
            <option key={d} value={d}>
              {formatDay(d)}
            </option>
          ))}
        </select>
      </div>
      <FormError message={error} />
      {!roll ? (
        <Loading label="Loading the roll" />
      ) : (
        <>
          <p id="roll-help">
            Click a row (or Tab to it), then use the Up and Down arrow keys to move and P, A or E to mark
            present, absent or excused. {roll.counts.present ?? 0} present, {roll.counts.absent ?? 0} absent,{' '}
            {roll.counts.excused ?? 0} excused, {roll.counts.unmarked ?? 0} not marked.
          </p>
          <section aria-labelledby="code-title">
            <h2 id="code-title">Check-in code</h2>
            {roll.checkInCode ? (
              <p>
                <span
                  className="check-in-code"
                  aria-label={`Check-in code ${roll.checkInCode.split('').join(' ')}`}
                >
                  {roll.checkInCode}
                </span>
                <br />
                Students enter it on their “What is due” page; it expires{' '}
                {roll.codeExpiresAt
                  ? formatInstant(roll.codeExpiresAt, course.timeZone)
                  : 'when the class ends'}
                .
              </p>
            ) : (
              <p>No code yet.</p>
            )}
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                workApi.openCode(course.slug, date).then(setRoll, (e: unknown) => setError(messageOf(e)))
              }
            >
              {roll.checkInCode ? 'New code' : 'Show a check-in code'}
            </button>
          </section>
          <table className="data-table roll-table" aria-describedby="roll-help">
            <caption className="visually-hidden">Roll of {formatDay(date)}</caption>
            <thead>
              <tr>
                <th scope="col">Student</th>
                <th scope="col" className="roll-status">
                  Mark
                </th>
                <th scope="col">Set</th>
              </tr>
            </thead>
            <tbody onKeyDown={onKey}>
              {roll.entries.map((e, i) => (
                <tr
                  key={e.userId}
                  ref={(el) => void (rows.current[i] = el)}
                  tabIndex={i === row ? 0 : -1}
                  aria-selected={i === row}
                  onFocus={() => setRow(i)}
                  data-user={e.userId}
                >
                  <th scope="row">{e.name}</th>
                  <td className={`roll-status mark-${e.status ?? 'none'}`}>
                    {e.status
                      ? `${LABEL[e.status]}${e.source === 'check-in' ? ' (checked in)' : ''}`
                      : 'Not marked'}
                  </td>
                  <td className="roll-marks">
                    {(['present', 'absent', 'excused'] as const).map((m) => (
                      <button
                        key={m}
                        type="button"
                        tabIndex={-1}
                        className="roll-mark"
                        aria-pressed={e.status === m}
                        aria-label={`${LABEL[m]}: ${e.name}`}
                        onClick={() => void mark(e.userId, m)}
                      >
                        {LABEL[m]}
                      </button>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
