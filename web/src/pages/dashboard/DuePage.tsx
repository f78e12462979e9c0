// "What is due" for a student: questions, the group's slides/summary/project work with countdowns, late items, misses left, receipts.
import { useCallback, useEffect, useState } from 'react';
import { useCourse, useDocumentTitle } from '../../course-context.js';
import { Empty, Loading } from '../../components/states.js';
import { messageOf } from '../../auth/client.js';
import { FormError } from '../../auth/Field.js';
import { formatDay, formatInstant } from '../../time.js';
import { STATE_WORDS, workApi, type DueItem, type StudentDashboard } from '../work/work-client.js';
import { HandInForm } from '../work/HandInForm.js';
import { ReceiptCard } from '../work/ReceiptCard.js';
import '../work/work.css';

export default function DuePage() {
  const course = useCourse();
  useDocumentTitle('What is due', [course.code, course.title].filter(Boolean).join(' '));
  const [data, setData] = useState<StudentDashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => workApi.dashboard(course.slug).then(setData, (e: unknown) => setError(messageOf(e))), [course.slug]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!course.abilities.viewOwnGrades) {
    return (
      <Empty>
        <h1>What is due</h1>
        <p>Students see their questions, their group’s work and their receipts here. Sign in as a student of the course.</p>
      </Empty>
    );
  }
  if (!data) return error ? <FormError message={error} /> : <Loading label="Loading what is due" />;
  const zone = course.timeZone;
  const open = data.items.filter((i) => i.state === 'open');
  const late = data.items.filter((i) => i.state === 'late' || i.state === 'zero' || i.state === 'missed');
  const done = data.items.filter((i) => i.state === 'done');
  return (
    <>
      <h1>What is due</h1>
      <p className="lede">
        {data.group ? `You are in ${data.group.name}.` : 'You are not in a group yet.'} Times are in {zone}.
      </p>
      <ul className="allowances" aria-label="Misses left">
        <li>
          <strong>{data.questionAllowance.left}</strong> of {data.questionAllowance.allowance} question days you may still miss
        </li>
        <li>
          <strong>{data.attendanceAllowance.left}</strong> of {data.attendanceAllowance.allowance} absences left
        </li>
      </ul>
      <CheckIn />
      <section aria-labelledby="due-open">
        <h2 id="due-open">To do ({open.length})</h2>
        {open.length === 0 ? <p>Nothing is open right now.</p> : <ItemList items={open.slice(0, 12)} zone={zone} data={data} onDone={load} />}
      </section>
      {late.length > 0 ? (
        <section aria-labelledby="due-late">
          <h2 id="due-late">Late or missed ({late.length})</h2>
          <ItemList items={late} zone={zone} data={data} onDone={load} />
        </section>
      ) : null}
      <section aria-labelledby="due-done">
        <h2 id="due-done">Handed in ({done.length})</h2>
        {done.length === 0 ? <p>No hand-ins yet.</p> : <ItemList items={done} zone={zone} data={data} onDone={load} />}
      </section>
    </>
  );
}

/** During a class: the code shown on the projector marks you present. */
function CheckIn() {
  const course = useCourse();
  const now = Date.now();
  const live = course.meetings.find((m) => m.startsAt && m.endsAt && Date.parse(m.startsAt) <= now && now <= Date.parse(m.endsAt));
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!live) return null;
  return (
    <form
      className="hand-in"
      aria-label="Check in"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        workApi.checkIn(course.slug, live.date, code).then(
          () => setMessage('You are checked in for today’s class.'),
          (err: unknown) => setError(messageOf(err)),
        );
      }}
    >
      <div className="field">
        <label htmlFor="check-in-code">Check-in code shown in class</label>
        <input id="check-in-code" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" />
      </div>
      <FormError message={error} />
      {message ? <p role="status">{message}</p> : null}
      <button type="submit" className="button">
        Check in
      </button>
    </form>
  );
}

function ItemList({ items, zone, data, onDone }: { items: DueItem[]; zone: string; data: StudentDashboard; onDone: () => void }) {
  return (
    <ul className="due-list">
      {items.map((item) => (
        <li key={`${item.deliverableKey}-${item.meetingDate ?? ''}`} className={`due-item due-${item.state}`}>
          <DueCard item={item} zone={zone} data={data} onDone={onDone} />
        </li>
      ))}
    </ul>
  );
}

function DueCard({ item, zone, data, onDone }: { item: DueItem; zone: string; data: StudentDashboard; onDone: () => void }) {
  const course = useCourse();
  const id = `${item.deliverableKey}-${item.meetingDate ?? 'course'}`;
  return (
    <article aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {item.title}
        {item.meetingDate ? ` — ${formatDay(item.meetingDate)}${item.meetingTitle ? `: ${item.meetingTitle}` : ''}` : ''}
      </h3>
      <p className="due-when">
        <span className={`state-tag state-${item.state}`}>{STATE_WORDS[item.state]}</span> Due {formatInstant(item.dueAt, zone)} ({item.countdown})
        {item.needed > 1 ? ` · ${item.handedIn} of ${item.needed} handed in` : ''}
      </p>
      {item.review ? (
        <p className="review">
          <strong>{item.review.decision === 'approved' ? 'Approved' : item.review.decision === 'returned' ? 'Returned' : 'Staff comment'}:</strong> {item.review.body}
        </p>
      ) : null}
      {item.receipts.map((r) => (
        <ReceiptCard key={r.id} receipt={r} zone={zone} downloadUrl={workApi.downloadUrl(course.slug, r.id)} />
      ))}
      {item.state === 'open' || (item.lateAccepted && (item.state === 'missed' || item.acceptsFiles)) ? (
        <HandInForm item={item} policy={data.policyAcknowledged ? null : data.policy} onDone={onDone} />
      ) : null}
    </article>
  );
}
