// Staff place the groups on the presentation days (mid-semester talks): spread evenly → preview → apply, then move, reorder, time, remove and publish — all with buttons and selects.
import { plural } from '../../../../src/contracts/words.js';
import { useCallback, useEffect, useState } from 'react';
import { call, messageOf } from '../../auth/client.js';
import { FormError, FormNotice } from '../../auth/Field.js';
import { Empty, Loading } from '../../components/states.js';
import { formatDay, formatInstant } from '../../time.js';
import type { SlotBoardsBody, SlotPlanBody } from '../../../../src/contracts/talk-slots.js';
import { DayColumn, UnplacedRow, type Board } from './TalkSlotDay.js';

export function TalkSlots({
  base,
  timeZone,
  rolesPublished,
}: {
  base: string;
  timeZone: string;
  rolesPublished: boolean;
}) {
  const [data, setData] = useState<SlotBoardsBody | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [plans, setPlans] = useState<Record<string, SlotPlanBody | undefined>>({});

  const load = useCallback(() => {
    call<SlotBoardsBody>('GET', `${base}/talk-slots`).then(
      (body) => {
        setData(body);
        setLoadError(null);
      },
      (e: unknown) => setLoadError(messageOf(e)),
    );
  }, [base]);
  useEffect(load, [load]);

  async function act(work: () => Promise<string>) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      setNotice(await work());
      load();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section" aria-labelledby="talk-slots">
      <h2 id="talk-slots">Presentation days</h2>
      <p>
        Put each group on one presentation day and order the talks. The group on a day hands in its slides for
        that day; other groups cannot. Students see their day once you publish.
      </p>
      <FormNotice message={notice} />
      <FormError message={error} />
      {!data ? (
        loadError ? (
          <div className="form-error" role="alert">
            <p>The presentation days could not be loaded: {loadError}</p>
            <button type="button" className="button button-secondary" onClick={load}>
              Try again
            </button>
          </div>
        ) : (
          <Loading label="Loading the presentation days" />
        )
      ) : data.boards.length === 0 ? (
        <Empty>
          <p>This course has no deliverable handed in by the groups of a presentation day.</p>
        </Empty>
      ) : (
        data.boards.map((board) => (
          <BoardView
            key={board.deliverableKey}
            base={base}
            board={board}
            timeZone={timeZone}
            rolesPublished={rolesPublished}
            plan={plans[board.deliverableKey]}
            busy={busy}
            setPlan={(p) => setPlans((all) => ({ ...all, [board.deliverableKey]: p }))}
            act={act}
          />
        ))
      )}
    </section>
  );
}

function BoardView({
  base,
  board,
  timeZone,
  rolesPublished,
  plan,
  busy,
  setPlan,
  act,
}: {
  base: string;
  board: Board;
  timeZone: string;
  rolesPublished: boolean;
  plan: SlotPlanBody | undefined;
  busy: boolean;
  setPlan: (plan: SlotPlanBody | undefined) => void;
  act: (work: () => Promise<string>) => Promise<void>;
}) {
  const key = encodeURIComponent(board.deliverableKey);
  const url = `${base}/talk-slots/${key}`;
  const [minutes, setMinutes] = useState(board.talkMinutes === null ? '' : String(board.talkMinutes));
  useEffect(
    () => setMinutes(board.talkMinutes === null ? '' : String(board.talkMinutes)),
    [board.talkMinutes],
  );
  const placed = board.days.reduce((n, d) => n + d.talks.length, 0);
  const dayName = new Map(board.days.map((d) => [d.meetingId, formatDay(d.date)]));

  const place = (
    talk: { groupId: string; groupName: string },
    meetingId: string,
    extra: { position?: number; startTime?: string | null } = {},
  ) =>
    act(async () => {
      const r = await call<{ problems: Board['problems'] }>(
        'PUT',
        `${url}/groups/${encodeURIComponent(talk.groupId)}`,
        { meetingId, ...extra },
      );
      const where = `${talk.groupName}: ${dayName.get(meetingId) ?? 'day'}`;
      return r.problems.length > 0
        ? `${where} saved. Still to fix: ${r.problems.map((p) => p.message).join(' ')}`
        : `${where} saved.`;
    });

  return (
    <div className="slot-board">
      <h3>{board.title}</h3>
      <p>
        {placed} of {board.groupCount} groups placed.{' '}
        {board.publishedAt
          ? `Published ${formatInstant(board.publishedAt, timeZone)}: students see their day.`
          : 'Not published: only staff see the days.'}
      </p>
      {rolesPublished && !board.publishedAt && placed > 0 ? (
        <p className="notice">
          The roles are published but these days are not: publish them too so each group sees its day.
        </p>
      ) : null}
      {board.problems.length > 0 ? (
        <div className="notice" role="status">
          <p>
            <strong>To fix:</strong>
          </p>
          <ul>
            {board.problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        </div>
      ) : placed > 0 ? (
        <p className="good">Every group has a day and the days are balanced.</p>
      ) : null}

      <div className="toolbar">
        <button
          type="button"
          className="button"
          disabled={busy || board.groupCount === 0}
          onClick={() =>
            void act(async () => {
              const p = await call<SlotPlanBody>('POST', `${url}/plan`, {});
              setPlan(p);
              return p.changes.length === 0
                ? 'The groups are already spread evenly: nothing would change.'
                : `Preview below: ${p.changes.length} group${p.changes.length === 1 ? '' : 's'} would change day. Nothing is saved until you apply.`;
            })
          }
        >
          Spread groups evenly
        </button>
        <button
          type="button"
          className={board.publishedAt ? 'button button-secondary' : 'button'}
          disabled={busy || (!board.publishedAt && placed === 0)}
          onClick={() =>
            void act(async () => {
              await call('POST', `${url}/publish`, { published: !board.publishedAt });
              return board.publishedAt
                ? 'Presentation days taken back: students no longer see them.'
                : 'Presentation days published: each group sees its day on My roles.';
            })
          }
        >
          {board.publishedAt ? 'Unpublish days' : 'Publish days'}
        </button>
      </div>
      {board.groupCount === 0 ? <p>There are no groups yet: form the groups first.</p> : null}

      {plan ? (
        <div className="notice slot-plan" role="region" aria-label="Preview of the even spread">
          <p>
            <strong>Preview.</strong> Groups placed by hand stay where they are.
          </p>
          <ul>
            {plan.days.map((d) => (
              <li key={d.meetingId}>
                {formatDay(d.date)}: {d.talks.map((t) => t.groupName).join(', ') || 'no talks'}
              </li>
            ))}
            {plan.unplaced.length > 0 ? (
              <li>No room: {plan.unplaced.map((g) => g.name).join(', ')}</li>
            ) : null}
          </ul>
          {plan.changes.length > 0 ? (
            <p>
              Changes:{' '}
              {plan.changes
                .map(
                  (c) =>
                    `${c.groupName} ${c.from ? formatDay(c.from) : 'no day'} to ${c.to ? formatDay(c.to) : 'no day'}`,
                )
                .join('; ')}
              .
            </p>
          ) : null}
          <div className="toolbar">
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() =>
                void act(async () => {
                  const r = await call<{ placed: number; unplaced: number }>('POST', `${url}/apply`, {
                    fingerprint: plan.fingerprint,
                  });
                  setPlan(undefined);
                  return `Spread applied: ${plural(r.placed, 'group')} placed${r.unplaced > 0 ? `, ${r.unplaced} without room` : ''}.${board.publishedAt ? '' : ' Publish the days when ready.'}`;
                })
              }
            >
              Apply this spread
            </button>
            <button type="button" className="button button-secondary" onClick={() => setPlan(undefined)}>
              Discard preview
            </button>
          </div>
        </div>
      ) : null}

      <div className="slot-days">
        {board.days.map((day) => (
          <DayColumn
            key={day.meetingId}
            day={day}
            days={board.days}
            url={url}
            busy={busy}
            place={place}
            act={act}
          />
        ))}
      </div>

      {board.unplaced.length > 0 ? (
        <>
          <h4>Groups without a day ({board.unplaced.length})</h4>
          <ul className="talk-list">
            {board.unplaced.map((g) => (
              <UnplacedRow key={g.id} group={g} days={board.days} busy={busy} place={place} />
            ))}
          </ul>
        </>
      ) : null}

      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          const value = minutes.trim() === '' ? null : Number(minutes);
          void act(async () => {
            await call('PATCH', `${url}/settings`, { talkMinutes: value });
            return value === null
              ? 'Talk length cleared: the days are only balanced.'
              : `Talk length set to ${plural(value, 'minute')}.`;
          });
        }}
      >
        <label>
          Talk length in minutes (optional)
          <input
            type="number"
            min={1}
            max={600}
            inputMode="numeric"
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            aria-describedby={`len-${key}`}
          />
        </label>
        <button type="submit" className="button button-secondary" disabled={busy}>
          Save talk length
        </button>
        <p id={`len-${key}`} className="talk-hint">
          With a length, a day holds class length ÷ talk length talks. Left empty, a length in the
          deliverable's notes (“at most 15 minutes”) counts; otherwise the days are only balanced.
        </p>
      </form>
    </div>
  );
}
