// One presentation day's column on the talk-slot board: its talks in order (move earlier or later, to another day, start time, remove), and the row that places a group without a day.
import { useEffect, useState } from 'react';
import { call } from '../../auth/client.js';
import { formatDay } from '../../time.js';
import type { SlotBoardsBody } from '../../../../src/contracts/talk-slots.js';
import { Icon } from '../../components/Icon.js';

export type Board = SlotBoardsBody['boards'][number];
type Day = Board['days'][number];
type Talk = Day['talks'][number];

function dayHead(day: Day): string {
  const hours = day.startTime && day.endTime ? ` · ${day.startTime}–${day.endTime}` : '';
  const count = `${day.talks.length} talk${day.talks.length === 1 ? '' : 's'}`;
  return `${formatDay(day.date)}${hours} · ${count}${day.capacity !== null ? ` of ${day.capacity}` : ''}`;
}

export function DayColumn({
  day,
  days,
  url,
  busy,
  place,
  act,
}: {
  day: Day;
  days: Day[];
  url: string;
  busy: boolean;
  place: (
    talk: { groupId: string; groupName: string },
    meetingId: string,
    extra?: { position?: number; startTime?: string | null },
  ) => Promise<void>;
  act: (work: () => Promise<string>) => Promise<void>;
}) {
  return (
    <section className="slot-day" aria-labelledby={`day-${day.meetingId}`}>
      <h4 id={`day-${day.meetingId}`}>{dayHead(day)}</h4>
      {day.talks.length === 0 ? (
        <p>No group on this day yet.</p>
      ) : (
        <ol className="talk-list">
          {day.talks.map((talk, i) => (
            <TalkRow
              key={talk.groupId}
              talk={talk}
              day={day}
              days={days}
              first={i === 0}
              last={i === day.talks.length - 1}
              busy={busy}
              place={place}
              remove={() =>
                void act(async () => {
                  await call('DELETE', `${url}/groups/${encodeURIComponent(talk.groupId)}`);
                  return `${talk.groupName} taken off ${formatDay(day.date)}.`;
                })
              }
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function TalkRow({
  talk,
  day,
  days,
  first,
  last,
  busy,
  place,
  remove,
}: {
  talk: Talk;
  day: Day;
  days: Day[];
  first: boolean;
  last: boolean;
  busy: boolean;
  place: (
    talk: { groupId: string; groupName: string },
    meetingId: string,
    extra?: { position?: number; startTime?: string | null },
  ) => Promise<void>;
  remove: () => void;
}) {
  const [target, setTarget] = useState(day.meetingId);
  const [start, setStart] = useState(talk.startTime ?? '');
  useEffect(() => setTarget(day.meetingId), [day.meetingId]);
  useEffect(() => setStart(talk.startTime ?? ''), [talk.startTime]);
  const name = talk.groupName;
  return (
    <li className="talk">
      <div className="talk-who">
        <strong>{name}</strong>
        {talk.locked ? (
          <span className="talk-badge" title="Spread groups evenly leaves it where it is">
            placed by hand
          </span>
        ) : null}
        {talk.startTime ? <span> · {talk.startTime}</span> : null}
        {talk.members.length > 0 ? <span className="talk-members"> · {talk.members.join(', ')}</span> : null}
      </div>
      <form
        className="talk-controls"
        aria-label={`Day and start time of ${name}`}
        onSubmit={(e) => {
          e.preventDefault();
          const sameDay = target === day.meetingId;
          void place(talk, target, {
            ...(sameDay ? { position: talk.position } : {}),
            startTime: start === '' ? null : start,
          });
        }}
      >
        <button
          type="button"
          className="button button-secondary small"
          disabled={busy || first}
          aria-label={`Move ${name} earlier`}
          onClick={() => void place(talk, day.meetingId, { position: talk.position - 1 })}
        >
          <Icon name="arrow-up" />
          <span className="icon-label">Earlier</span>
        </button>
        <button
          type="button"
          className="button button-secondary small"
          disabled={busy || last}
          aria-label={`Move ${name} later`}
          onClick={() => void place(talk, day.meetingId, { position: talk.position + 1 })}
        >
          <Icon name="arrow-down" />
          <span className="icon-label">Later</span>
        </button>
        <DaySelect about={`of ${name}`} days={days} value={target} onChange={setTarget} />
        <label>
          Start<span className="visually-hidden"> of {name} (optional)</span>
          <input
            type="time"
            value={start}
            min={day.startTime ?? undefined}
            max={day.endTime ?? undefined}
            onChange={(e) => setStart(e.target.value)}
          />
        </label>
        <button type="submit" className="button button-secondary small" disabled={busy}>
          Save<span className="visually-hidden"> {name}</span>
        </button>
        <button type="button" className="button button-secondary small" disabled={busy} onClick={remove}>
          Remove<span className="visually-hidden"> {name}</span>
        </button>
      </form>
    </li>
  );
}

export function UnplacedRow({
  group,
  days,
  busy,
  place,
}: {
  group: { id: string; name: string; members: string[] };
  days: Day[];
  busy: boolean;
  place: (talk: { groupId: string; groupName: string }, meetingId: string) => Promise<void>;
}) {
  const [target, setTarget] = useState(days[0]?.meetingId ?? '');
  return (
    <li className="talk">
      <div className="talk-who">
        <strong>{group.name}</strong>
        {group.members.length > 0 ? (
          <span className="talk-members"> · {group.members.join(', ')}</span>
        ) : null}
      </div>
      <form
        className="talk-controls"
        aria-label={`Place ${group.name} on a day`}
        onSubmit={(e) => {
          e.preventDefault();
          if (target) void place({ groupId: group.id, groupName: group.name }, target);
        }}
      >
        <DaySelect about={`for ${group.name}`} days={days} value={target} onChange={setTarget} />
        <button type="submit" className="button small" disabled={busy || !target}>
          Place<span className="visually-hidden"> {group.name}</span>
        </button>
      </form>
    </li>
  );
}

/** A choice of the presentation days; `about` ends the label for screen readers ("of Group 1"). */
function DaySelect({
  about,
  days,
  value,
  onChange,
}: {
  about: string;
  days: Day[];
  value: string;
  onChange: (meetingId: string) => void;
}) {
  return (
    <label>
      Day<span className="visually-hidden"> {about}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {days.map((d) => (
          <option key={d.meetingId} value={d.meetingId}>
            {formatDay(d.date)}
          </option>
        ))}
      </select>
    </label>
  );
}
