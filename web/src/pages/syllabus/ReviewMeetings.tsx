// The classes as read, each with its source line(s) and the fixes staff can make to it.
import { useState } from 'react';
import type { ReviewView } from '../../../../src/contracts/syllabus-review.js';
import { formatDay, formatLongDay } from '../../time.js';
import type { Fix } from './fix-list.js';

type Meeting = ReviewView['course']['meetings'][number];

const KIND_LABEL: Record<string, string> = {
  presentations: 'Presentations',
  poster: 'Poster session',
  no_class: 'Special day',
  buffer: 'Special day',
};

export function LineLink({ line }: { line: number | null | undefined }) {
  if (!line) return null;
  return (
    <a className="src-link" href={`#src-${line}`} aria-label={`Source line ${line}`}>
      line {line}
    </a>
  );
}

export function ReviewMeetings({ view, onFix }: { view: ReviewView; onFix: (fix: Fix) => void }) {
  const meetings = view.course.meetings;
  if (meetings.length === 0)
    return <p className="muted">No classes were read. Fix the schedule in the syllabus and read it again.</p>;
  return (
    <ol className="review-meetings">
      {meetings.map((m, k) => (
        <MeetingItem key={m.date} meeting={m} previous={meetings[k - 1] ?? null} onFix={onFix} />
      ))}
    </ol>
  );
}

function MeetingItem({
  meeting: m,
  previous,
  onFix,
}: {
  meeting: Meeting;
  previous: Meeting | null;
  onFix: (fix: Fix) => void;
}) {
  const label = `${formatLongDay(m.date)}${m.title ? `: ${m.title}` : ''}`;
  const special = KIND_LABEL[m.kind];
  return (
    <li className="review-meeting" data-testid={`meeting-${m.date}`}>
      <div className="review-meeting-head">
        <time dateTime={m.date}>{formatDay(m.date)}</time>
        <strong>{m.title ?? 'Class'}</strong>
        {special ? <span className="badge badge-kind">{special}</span> : null}
        {m.lines.map((l) => (
          <LineLink key={l} line={l} />
        ))}
      </div>
      {m.readings.length > 0 ? (
        <ul className="review-readings" aria-label={`Readings of ${label}`}>
          {m.readings.map((r, j) => (
            <li key={j}>
              <span className={r.required ? 'badge badge-required' : 'badge badge-optional'}>
                {r.required ? 'Required' : 'Optional'}
              </span>{' '}
              <span className="review-reading-title">{r.title}</span> <LineLink line={r.line} />{' '}
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  onFix({ kind: 'required', date: m.date, reading: r.title, required: !r.required })
                }
              >
                Make {r.required ? 'optional' : 'required'}
                <span className="visually-hidden">: {r.title}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {m.notes.length > 0 ? (
        <p className="muted review-notes">{m.notes.map((n) => n.replace(/\*\*/g, '')).join(' · ')}</p>
      ) : null}
      <MeetingFixes meeting={m} previous={previous} label={label} onFix={onFix} />
    </li>
  );
}

function MeetingFixes({
  meeting: m,
  previous,
  label,
  onFix,
}: {
  meeting: Meeting;
  previous: Meeting | null;
  label: string;
  onFix: (fix: Fix) => void;
}) {
  const [milestone, setMilestone] = useState(m.title ?? '');
  const [splitAt, setSplitAt] = useState(m.readings[1]?.title ?? m.readings[0]?.title ?? '');
  const [newDate, setNewDate] = useState('');
  const id = `fix-${m.date}`;
  return (
    <details className="review-fixes">
      <summary>
        Fix this class<span className="visually-hidden"> ({label})</span>
      </summary>
      <div className="review-fix-actions">
        {previous ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => onFix({ kind: 'merge', date: m.date, into: previous.date })}
          >
            Merge into {formatDay(previous.date)}
          </button>
        ) : null}
        {m.kind !== 'no_class' ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => onFix({ kind: 'special-day', date: m.date })}
          >
            Special day (no class)
          </button>
        ) : null}
      </div>
      <form
        className="review-inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (milestone.trim()) onFix({ kind: 'milestone', date: m.date, title: milestone.trim() });
        }}
      >
        <label htmlFor={`${id}-milestone`}>Milestone instead of a class</label>
        <input
          id={`${id}-milestone`}
          value={milestone}
          maxLength={200}
          onChange={(e) => setMilestone(e.target.value)}
        />
        <button type="submit" className="button button-secondary">
          Make milestone
        </button>
      </form>
      {m.readings.length > 1 ? (
        <form
          className="review-inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (newDate) onFix({ kind: 'split', date: m.date, reading: splitAt, newDate });
          }}
        >
          <label htmlFor={`${id}-split`}>Split from reading</label>
          <select id={`${id}-split`} value={splitAt} onChange={(e) => setSplitAt(e.target.value)}>
            {m.readings.map((r, j) => (
              <option key={j} value={r.title}>
                {r.title}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-date`}>into a new class on</label>
          <input
            id={`${id}-date`}
            type="date"
            value={newDate}
            required
            onChange={(e) => setNewDate(e.target.value)}
          />
          <button type="submit" className="button button-secondary">
            Split
          </button>
        </form>
      ) : null}
    </details>
  );
}
