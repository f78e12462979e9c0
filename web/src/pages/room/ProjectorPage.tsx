// The projector view (?date=): full screen, large type, light or dark; the timer, the phase, the panel by role, the
// check-in code when staff show it, and the question under discussion, readable from the back of the room.
import { useEffect, useState } from 'react';
import type { RoomState } from '../../../../src/contracts/room.js';
import { plural } from '../../../../src/contracts/words.js';
import { SignInLink } from '../../auth/SignInLink.js';
import { ErrorState, Loading } from '../../components/states.js';
import { useCourse, useDocumentTitle } from '../../course-context.js';
import { Link, useSearchParams } from '../../router.js';
import { coursePageUrl } from '../../routes.js';
import { formatDay, formatInstant } from '../../time.js';
import { useLiveRoom } from './room-client.js';
import { PhaseLine } from './RoomPhase.js';
import { ConnectionLine, PanelRoles } from './RoomParts.js';
import { TimerFace, useTimerReading } from './RoomTimer.js';
import { discussingNow, shownPhase } from './room-state.js';
import './room.css';

type Theme = 'light' | 'dark';
const THEME_KEY = 'seminar.projector.theme';

/** The theme chosen on this machine, else the system's (prefers-color-scheme). */
function useTheme(): [Theme, (t: Theme) => void] {
  const system = (): Theme =>
    window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  const [theme, setTheme] = useState<Theme>(() => {
    const saved = window.localStorage.getItem(THEME_KEY);
    return saved === 'light' || saved === 'dark' ? saved : system();
  });
  return [
    theme,
    (t) => {
      window.localStorage.setItem(THEME_KEY, t);
      setTheme(t);
    },
  ];
}

export default function ProjectorPage() {
  const course = useCourse();
  const date = useSearchParams().get('date');
  useDocumentTitle(date ? `Projector · ${formatDay(date)}` : 'Projector', course.code ?? course.title);
  const [theme, setTheme] = useTheme();
  const valid = date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date);
  return (
    <div className="projector" data-theme={theme}>
      <div className="projector-tools">
        {valid ? (
          <Link to={`${coursePageUrl(course.slug, 'room')}?date=${date}`}>Back to the room</Link>
        ) : null}
        <button
          type="button"
          className="projector-tool"
          aria-pressed={theme === 'dark'}
          onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
        >
          Dark theme
        </button>
        <FullScreenButton />
      </div>
      {!course.abilities.viewPrivate ? (
        <p className="projector-message">
          <SignInLink>Sign in</SignInLink> as a member of the course to show its room.
        </p>
      ) : valid ? (
        <Projector slug={course.slug} date={date} />
      ) : (
        <p className="projector-message">Open the projector from a class’s room.</p>
      )}
    </div>
  );
}

function FullScreenButton() {
  const [full, setFull] = useState(false);
  useEffect(() => {
    const sync = () => setFull(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', sync);
    return () => document.removeEventListener('fullscreenchange', sync);
  }, []);
  if (!document.fullscreenEnabled) return null;
  return (
    <button
      type="button"
      className="projector-tool"
      onClick={() => void (full ? document.exitFullscreen() : document.documentElement.requestFullscreen())}
    >
      {full ? 'Leave full screen' : 'Full screen'}
    </button>
  );
}

function Projector({ slug, date }: { slug: string; date: string }) {
  const live = useLiveRoom(slug, date);
  const { room, error } = live;
  if (error && !room)
    return error.notFound ? (
      <p className="projector-message">No class meets on {formatDay(date)}.</p>
    ) : (
      <ErrorState error={error} title="The room could not be loaded" onRetry={live.reload} />
    );
  if (!room) return <Loading label="Opening the room" />;
  return (
    <>
      <ConnectionLine live={live} />
      <Stage room={room} />
    </>
  );
}

function Stage({ room }: { room: RoomState }) {
  const reading = useTimerReading(room.timer);
  const { meeting } = room;
  const discussing = discussingNow(room);
  const top = room.questions
    .filter((q) => q.status === 'open')
    .sort((a, b) => b.votes - a.votes)
    .slice(0, discussing.length > 0 ? 0 : 2);
  const answered = room.questions.filter((q) => q.status === 'answered').length;
  return (
    <div className="stage">
      <header className="stage-head">
        <div>
          <h1>
            {formatDay(meeting.date)}
            {meeting.title ? `: ${meeting.title}` : ''}
          </h1>
          <PhaseLine phase={shownPhase(room)} hint={false} />
        </div>
        {room.checkInCode ? (
          <p className="stage-checkin">
            Check-in code <strong className="stage-code">{room.checkInCode}</strong>
          </p>
        ) : null}
      </header>
      {shownPhase(room) === 'before' ? (
        <p className="stage-message">
          {meeting.start
            ? `The class starts ${formatInstant(meeting.start, meeting.timeZone)}.`
            : 'The class has not started.'}
        </p>
      ) : null}
      {room.phase === 'ended' ? (
        <p className="stage-message">
          The class has ended: {plural(room.questions.length, 'question')}, {answered} answered.
        </p>
      ) : null}
      <div className="stage-main">
        <TimerFace timer={room.timer} reading={reading} className="timer-stage" />
        <PanelRoles panel={room.panel} compact />
      </div>
      <section className="stage-questions" aria-labelledby="stage-questions-title">
        <h2 id="stage-questions-title">
          {discussing.length > 0 ? 'Now discussing' : top.length > 0 ? 'Most upvoted' : 'Questions'}
        </h2>
        {discussing.length + top.length === 0 ? (
          <p className="stage-none">
            {room.questions.length === 0 ? 'No questions yet.' : `${plural(answered, 'question')} answered.`}
          </p>
        ) : (
          <ul className="stage-list">
            {[...discussing, ...top].map((q) => (
              <li key={q.id}>
                <p className="stage-question">{q.text}</p>
                <p className="stage-votes">
                  {plural(q.votes, 'vote')}
                  {q.author && !room.anonymousQuestions ? ` · ${q.author}` : ''}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
