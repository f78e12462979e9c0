// The course-wide facts as read (year, zone, class times) with their fixes, and the list of fixes made so far.
import { useState } from 'react';
import type { ReviewView } from '../../../../src/contracts/syllabus-review.js';
import { dayNames, sayFix, type Fix } from './fix-list.js';
import { LineLink } from './ReviewMeetings.js';

const DAYS = [1, 2, 3, 4, 5, 6, 7];

export function ReviewSettings({ view, onFix }: { view: ReviewView; onFix: (fix: Fix) => void }) {
  const c = view.course;
  const firstYear = c.meetings[0]?.date.slice(0, 4) ?? String(c.term?.year ?? '');
  const [year, setYear] = useState(firstYear);
  const [zone, setZone] = useState(c.timeZone);
  const [days, setDays] = useState<number[]>(c.pattern?.days ?? []);
  const [start, setStart] = useState(c.pattern?.startTime ?? '');
  const [end, setEnd] = useState(c.pattern?.endTime ?? '');
  return (
    <section className="review-settings" aria-labelledby="settings-h">
      <h2 id="settings-h">Year, time zone and class times</h2>
      <dl className="review-facts">
        <dt>Year</dt>
        <dd>
          {firstYear || 'none'}
          {view.yearSource ? (
            <>
              {' '}
              <span className="muted">— {view.yearSource.message}</span>{' '}
              <LineLink line={view.yearSource.line} />
            </>
          ) : null}
        </dd>
        <dt>Time zone</dt>
        <dd>{c.timeZone}</dd>
        <dt>Class times</dt>
        <dd>
          {c.pattern
            ? `${dayNames(c.pattern.days)}, ${c.pattern.startTime}–${c.pattern.endTime} (${c.timeZone})`
            : 'not given'}
        </dd>
      </dl>
      <div className="review-setting-forms">
        <form
          className="review-inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const y = Number(year);
            if (Number.isInteger(y)) onFix({ kind: 'year', year: y });
          }}
        >
          <label htmlFor="fix-year">Year</label>
          <input
            id="fix-year"
            inputMode="numeric"
            value={year}
            size={6}
            maxLength={4}
            onChange={(e) => setYear(e.target.value)}
          />
          <button type="submit" className="button button-secondary">
            Set year
          </button>
        </form>
        <form
          className="review-inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (zone.trim()) onFix({ kind: 'zone', zone: zone.trim() });
          }}
        >
          <label htmlFor="fix-zone">Time zone</label>
          <input
            id="fix-zone"
            value={zone}
            maxLength={64}
            placeholder="America/Chicago"
            onChange={(e) => setZone(e.target.value)}
          />
          <button type="submit" className="button button-secondary">
            Set zone
          </button>
        </form>
        <form
          className="review-inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (days.length > 0 && start && end)
              onFix({ kind: 'class-times', days, startTime: start, endTime: end });
          }}
        >
          <fieldset className="review-days">
            <legend>Class days</legend>
            {DAYS.map((d) => (
              <label key={d}>
                <input
                  type="checkbox"
                  checked={days.includes(d)}
                  onChange={(e) =>
                    setDays(e.target.checked ? [...days, d].sort() : days.filter((x) => x !== d))
                  }
                />
                {dayNames([d])}
              </label>
            ))}
          </fieldset>
          <label htmlFor="fix-start">From</label>
          <input id="fix-start" type="time" value={start} onChange={(e) => setStart(e.target.value)} />
          <label htmlFor="fix-end">to</label>
          <input id="fix-end" type="time" value={end} onChange={(e) => setEnd(e.target.value)} />
          <button type="submit" className="button button-secondary">
            Set class times
          </button>
        </form>
      </div>
    </section>
  );
}

export function FixList({
  view,
  fixes,
  onRemove,
}: {
  view: ReviewView | null;
  fixes: Fix[];
  onRemove: (i: number) => void;
}) {
  if (fixes.length === 0)
    return (
      <p className="muted">
        No fixes yet. What you change below is listed here and kept for the next import.
      </p>
    );
  return (
    <ol className="review-fix-list" aria-label="Your fixes">
      {fixes.map((f, i) => {
        const outcome = view?.fixes[i];
        return (
          <li key={i}>
            <span>{sayFix(f)}</span>
            {outcome && !outcome.applied ? (
              <span className="fix-skipped"> — {outcome.message}</span>
            ) : null}{' '}
            <button type="button" className="link-button" onClick={() => onRemove(i)}>
              Undo<span className="visually-hidden">: {sayFix(f)}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
