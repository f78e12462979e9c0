// The live room of one class (?date=): the presenter's view for staff and the presenting group, the question board
// for the class, the states around it (before, loading, reconnecting, ended), and links to the projector and feedback.
import { useState } from 'react';
import type { RoomQuestion, RoomState, VoteReply } from '../../../../src/contracts/room.js';
import { SignInLink } from '../../auth/SignInLink.js';
import { Empty, ErrorState, Loading } from '../../components/states.js';
import { useCourse, useDocumentTitle } from '../../course-context.js';
import { Link, useSearchParams } from '../../router.js';
import { coursePageUrl } from '../../routes.js';
import { formatDay, formatInstant, formatTimeRange } from '../../time.js';
import { QuestionBoard, type BoardActions } from './QuestionBoard.js';
import { shownPhase } from './room-state.js';
import { roomApi, useLiveRoom, type LiveRoom, type TimerBody } from './room-client.js';
import { PhaseControl, PhaseLine } from './RoomPhase.js';
import { AskForm, ConnectionLine, CritiquePoints, PanelRoles } from './RoomParts.js';
import { TimerControls, TimerFace, useTimerReading } from './RoomTimer.js';
import '../../auth/auth.css';
import './room.css';

export default function RoomPage() {
  const course = useCourse();
  const date = useSearchParams().get('date');
  useDocumentTitle(date ? `Room of ${formatDay(date)}` : 'Class room', course.code ?? course.title);
  if (!course.abilities.viewPrivate)
    return (
      <Empty>
        <h1>Class room</h1>
        <p>
          <SignInLink>Sign in</SignInLink> as a member of the course to join the class’s room.
        </p>
      </Empty>
    );
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date))
    return (
      <Empty>
        <h1>Class room</h1>
        <p>
          Each class has its room: open it from the class’s row on the{' '}
          <Link to={coursePageUrl(course.slug, 'schedule')}>schedule</Link>.
        </p>
      </Empty>
    );
  return <Room slug={course.slug} date={date} />;
}

/**
 * Who gets the presenter's view: staff and the presenting group (they run the timer). The summary and reviewer
 * groups use the class's board, with the marks they may set.
 */
const runsTheRoom = (room: RoomState) => room.abilities.runTimer || room.abilities.manage;

function Room({ slug, date }: { slug: string; date: string }) {
  const live = useLiveRoom(slug, date);
  const { room, error } = live;
  const view = useSearchParams().get('view');
  if (error && !room)
    return error.notFound ? (
      <Empty>
        <h1>No room for {formatDay(date)}</h1>
        <p>
          No class meets on this date. Find the class on the{' '}
          <Link to={coursePageUrl(slug, 'schedule')}>schedule</Link>.
        </p>
      </Empty>
    ) : (
      <ErrorState error={error} title="The room could not be loaded" onRetry={live.reload} />
    );
  if (!room)
    return (
      <>
        <h1>Room of {formatDay(date)}</h1>
        <Loading label="Opening the room" />
      </>
    );
  const presenter = runsTheRoom(room) && view !== 'board';
  return (
    <div className={`room ${presenter ? 'room-presenter' : 'room-student'}`}>
      <RoomHeader slug={slug} room={room} live={live} presenter={presenter} />
      {presenter ? (
        <PresenterView slug={slug} live={live} room={room} />
      ) : (
        <StudentView slug={slug} live={live} room={room} />
      )}
    </div>
  );
}

function RoomHeader({
  slug,
  room,
  live,
  presenter,
}: {
  slug: string;
  room: RoomState;
  live: LiveRoom;
  presenter: boolean;
}) {
  const { meeting } = room;
  const here = `${coursePageUrl(slug, 'room')}?date=${meeting.date}`;
  return (
    <header className="room-header">
      <p className="eyebrow">
        Class room{meeting.start ? ` · ${formatTimeRange(meeting.start, meeting.end, meeting.timeZone)}` : ''}
      </p>
      <h1>
        {formatDay(meeting.date)}
        {meeting.title ? `: ${meeting.title}` : ''}
      </h1>
      <nav className="room-links" aria-label="This class">
        {runsTheRoom(room) ? (
          presenter ? (
            <Link to={`${here}&view=board`}>The class’s board</Link>
          ) : (
            <Link to={here}>Presenter view</Link>
          )
        ) : null}
        <a
          href={`${coursePageUrl(slug, 'room/projector')}?date=${meeting.date}`}
          target="_blank"
          rel="noopener"
        >
          Projector view (opens a new tab)
        </a>
        <Link to={discussionUrl(slug, room)}>
          {room.discussionThreadId ? 'The class’s discussion' : 'Class discussions'}
        </Link>
        <Link to={`${coursePageUrl(slug, 'feedback')}?date=${meeting.date}`}>Peer feedback</Link>
        {room.abilities.manage ? <Link to={coursePageUrl(slug, 'room/settings')}>Room settings</Link> : null}
      </nav>
      <ConnectionLine live={live} />
      <RoomNotice slug={slug} room={room} />
    </header>
  );
}

/** The class's discussion thread, or the list of class discussions while it has none. */
function discussionUrl(slug: string, room: RoomState): string {
  const list = coursePageUrl(slug, 'discussions');
  return room.discussionThreadId
    ? `${list}?thread=${encodeURIComponent(room.discussionThreadId)}`
    : `${list}?tab=class`;
}

/** Before the class: when it opens and what to do meanwhile; after it: what stays, and the feedback form. */
function RoomNotice({ slug, room }: { slug: string; room: RoomState }) {
  const zone = room.meeting.timeZone;
  if (room.closed)
    return (
      <div className="room-notice room-notice-ended">
        <p>
          <strong>This class has ended.</strong> The questions stay here with their votes and answers.
        </p>
        {room.discussionThreadId ? (
          <p>
            <Link to={discussionUrl(slug, room)}>Go on talking in the class’s discussion</Link>
          </p>
        ) : null}
        <p>
          <Link to={`${coursePageUrl(slug, 'feedback')}?date=${room.meeting.date}`}>
            Rate the presentation in the peer feedback form
          </Link>
        </p>
      </div>
    );
  if (shownPhase(room) !== 'before') return null;
  return (
    <div className="room-notice">
      <p>
        <strong>
          The room opens when the class starts
          {room.meeting.start ? `, ${formatInstant(room.meeting.start, zone)}` : ''}.
        </strong>{' '}
        {room.questionsDueAt
          ? `The questions handed in before class join the board at the deadline, ${formatInstant(room.questionsDueAt, zone)}.`
          : ''}
      </p>
      {room.viewerRole === 'audience' ? (
        <p>
          Until then:{' '}
          <Link to={`${coursePageUrl(slug, 'questions')}?date=${room.meeting.date}`}>
            hand in your questions
          </Link>{' '}
          on the papers.
        </p>
      ) : null}
      {room.viewerRole === 'reviewer' ? <p>Until then: write your critique points below.</p> : null}
    </div>
  );
}

function useActions(slug: string, live: LiveRoom) {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const date = live.room!.meeting.date;
  const run = async (write: () => Promise<RoomState>) => {
    setBusy(true);
    const failed = await live.act(write);
    setBusy(false);
    setNotice(failed);
    return failed;
  };
  const runVote = async (write: () => Promise<VoteReply>) => {
    setBusy(true);
    const failed = await live.actVote(write);
    setBusy(false);
    setNotice(failed);
  };
  const board: BoardActions = {
    busy,
    vote: (q: RoomQuestion) => void runVote(() => roomApi.vote(slug, date, q.id, !q.myVote)),
    mark: (q, status) => void run(() => roomApi.status(slug, date, q.id, status)),
  };
  const critique = {
    onAdd: (text: string) => live.act(() => roomApi.addPoint(slug, date, text)),
    onTick: (id: string, ticked: boolean) => void run(() => roomApi.editPoint(slug, date, id, { ticked })),
    onRemove: (id: string) => void run(() => roomApi.removePoint(slug, date, id)),
  };
  return {
    busy,
    notice,
    run,
    board,
    critique,
    // Starting the timer before the class's phase moved starts the presentation too (one press for the presenters).
    timer: (body: TimerBody) =>
      void run(async () => {
        const state = await roomApi.timer(slug, date, body);
        const begins = body.action === 'start' && state.phase === 'before' && state.abilities.setPhase;
        return begins ? roomApi.phase(slug, date, 'presentation') : state;
      }),
    ask: (paperIndex: number | null, text: string) =>
      live.act(() => roomApi.ask(slug, date, { paperIndex, text })),
  };
}

function Notice({ text }: { text: string | null }) {
  return text ? (
    <p className="form-error" role="alert">
      {text}
    </p>
  ) : null;
}

function PresenterView({ slug, live, room }: { slug: string; live: LiveRoom; room: RoomState }) {
  const actions = useActions(slug, live);
  const reading = useTimerReading(room.timer);
  const showsCritique = room.critique.length > 0 || room.abilities.editCritique;
  return (
    <div className="room-columns">
      <div className="room-side">
        <section className="card room-clock" aria-labelledby="clock-title">
          <h2 id="clock-title" className="visually-hidden">
            Timer and phase
          </h2>
          <PhaseLine phase={shownPhase(room)} />
          <TimerFace timer={room.timer} reading={reading} />
          {room.abilities.runTimer && !room.closed ? (
            <TimerControls timer={room.timer} busy={actions.busy} onTimer={actions.timer} />
          ) : null}
          {room.abilities.setPhase ? (
            <PhaseControl
              room={room}
              busy={actions.busy}
              onPhase={(phase) => void actions.run(() => roomApi.phase(slug, room.meeting.date, phase))}
              onCheckIn={(show) => void actions.run(() => roomApi.projector(slug, room.meeting.date, show))}
            />
          ) : null}
          <Notice text={actions.notice} />
        </section>
        <section className="card room-papers" aria-labelledby="papers-title">
          <h2 id="papers-title">Papers</h2>
          {room.meeting.papers.length === 0 ? (
            <p className="muted">No papers are listed for this class.</p>
          ) : (
            <ol>
              {room.meeting.papers.map((p) => (
                <li key={p.index}>{p.title}</li>
              ))}
            </ol>
          )}
        </section>
        <PanelRoles panel={room.panel} />
        {showsCritique ? <CritiquePoints room={room} {...actions.critique} /> : null}
      </div>
      <QuestionBoard room={room} actions={actions.board} />
    </div>
  );
}

function StudentView({ slug, live, room }: { slug: string; live: LiveRoom; room: RoomState }) {
  const actions = useActions(slug, live);
  const reading = useTimerReading(room.timer);
  const reviewer = room.viewerRole === 'reviewer' || room.abilities.editCritique;
  return (
    <div className="room-columns">
      <div className="room-side">
        {shownPhase(room) !== 'before' && !room.closed ? (
          <section className="card room-clock" aria-labelledby="clock-title">
            <h2 id="clock-title" className="visually-hidden">
              Timer and phase
            </h2>
            <PhaseLine phase={shownPhase(room)} />
            <TimerFace timer={room.timer} reading={reading} className="timer-small" />
          </section>
        ) : null}
        {room.abilities.ask && !room.closed ? <AskForm room={room} onAsk={actions.ask} /> : null}
        {reviewer ? <CritiquePoints room={room} {...actions.critique} /> : null}
        <Notice text={actions.notice} />
      </div>
      <QuestionBoard room={room} actions={actions.board} />
    </div>
  );
}
