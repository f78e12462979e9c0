// The live room of one class (issue 13): timer, phases, question board with similarity clusters and votes, panel,
// reviewer critique points, real-time updates. Request schemas, response and event types; shared by server and web.
//
// Routes (all under /api; a class is addressed by its date, YYYY-MM-DD, as attendance does):
//   GET    /courses/:slug/meetings/:date/room                           → RoomState            (members and staff)
//   GET    /courses/:slug/meetings/:date/room/events                    → Server-Sent Events   (members and staff)
//            Ask with "Accept: text/event-stream". Resume with the `Last-Event-ID` header (EventSource sends it by
//            itself on reconnect) or `?after=<lastEventId>` (the lastEventId of a RoomState just fetched). Each
//            message is `id: <n>` / `event: <RoomEvent.type>` / `data: <RoomEvent JSON>`; ": keep-alive" comments
//            every 20 s. When the asked resume point is older than what the server keeps, the first message is a
//            'reset' event: refetch GET …/room and reconnect with its lastEventId. A 'reset' (reason
//            'settings-changed') also comes live when staff change what viewers may see (anonymous questions).
//   POST   /courses/:slug/meetings/:date/room/timer       body TimerBody       → RoomState  (runTimer)
//   POST   /courses/:slug/meetings/:date/room/phase       body PhaseBody       → RoomState  (setPhase)
//   POST   /courses/:slug/meetings/:date/room/questions   body AskBody         → RoomState  (ask)
//   PUT    /courses/:slug/meetings/:date/room/questions/:questionId/vote      → VoteReply  (vote; idempotent)
//   DELETE /courses/:slug/meetings/:date/room/questions/:questionId/vote      → VoteReply  (vote; retracts, idempotent)
//   POST   /courses/:slug/meetings/:date/room/questions/:questionId/status body StatusBody → RoomState (mark)
//   POST   /courses/:slug/meetings/:date/room/critique    body CritiqueBody    → RoomState  (editCritique)
//   PATCH  /courses/:slug/meetings/:date/room/critique/:pointId body CritiquePatchBody → RoomState (editCritique)
//   DELETE /courses/:slug/meetings/:date/room/critique/:pointId              → RoomState  (editCritique)
//   POST   /courses/:slug/meetings/:date/room/projector   body ProjectorBody   → RoomState  (staff: show the check-in code)
//   GET    /courses/:slug/room-settings                                       → RoomSettings (staff)
//   PUT    /courses/:slug/room-settings                   body RoomSettingsBody → RoomSettings (staff)
//
// Every write but a vote answers the whole RoomState as the writer sees it; a vote answers the question's count
// (VoteReply: a burst of votes must not rebuild the room for each). Every write is committed before its event is
// broadcast (votes are committed in groups: each is answered once the transaction holding it committed).
// Who may do what (the `abilities` of RoomState say it for the viewer):
//   runTimer, setPhase: staff, or a member of the presenting group in force (published roles) for this class.
//   mark (discussing/answered): staff, or a member of the presenting, summary or reviewer group in force.
//   editCritique: staff, or a member of the reviewer group in force.
//   ask, vote: students of the course (not staff: they run the room).
//   After the class — phase 'ended', or the class's day (course time zone) is past — every write but staff's is
//   refused with 409 (see errors below); GET and the event stream keep working (the room stays readable).
// Errors are the app's usual { error: { code, message } } with 400/403/404/409; a write refused because the class
// is over is code 'conflict' with details { reason: 'room-closed' }.
import { z } from 'zod';

export const ROOM_PHASES = ['before', 'presentation', 'panel', 'questions', 'ended'] as const;
export type RoomPhase = (typeof ROOM_PHASES)[number];

export const QUESTION_STATUSES = ['open', 'discussing', 'answered'] as const;
export type RoomQuestionStatus = (typeof QUESTION_STATUSES)[number];

export const ROOM_QUESTION_MAX = 1000;
export const CRITIQUE_POINT_MAX = 500;
/** @public A class has at most this many critique points. */
export const CRITIQUE_POINTS_MAX = 40;

const noControl = (s: string) =>
  ![...s].some((ch) => ch.charCodeAt(0) < 32 && ch !== '\n' && ch !== '\r' && ch !== '\t');

/** Path parts are only bounded here: the service answers 404 for an unknown class, question or point after authorization. */
const id = z.string().min(1).max(64);
const date = z.string().min(1).max(40);

export const roomParamsSchema = z.object({ slug: z.string().max(80), date });
export const roomQuestionParamsSchema = roomParamsSchema.extend({ questionId: id });
/** @public */
export const roomCritiqueParamsSchema = roomParamsSchema.extend({ pointId: id });

/** `after`: resume after this event id (as Last-Event-ID does). */
export const roomEventsQuerySchema = z.object({
  after: z
    .string()
    .regex(/^\d{1,15}$/, 'Give the last event id you saw, a whole number.')
    .optional(),
});

/** start: runs from where it stands; pause: stops, keeping the time used; reset: back to full (optionally a new length). */
export const timerBodySchema = z
  .object({
    action: z.enum(['start', 'pause', 'reset']),
    /** Only with reset: this class's length in minutes (1–240); without it, the course's setting. */
    minutes: z.number().int().min(1).max(240).optional(),
  })
  .strict();

export const phaseBodySchema = z.object({ phase: z.enum(ROOM_PHASES) }).strict();

const questionText = z
  .string()
  .trim()
  .min(1, 'Write the question first.')
  .max(ROOM_QUESTION_MAX, `Keep a question under ${ROOM_QUESTION_MAX} characters.`)
  .refine(noControl, 'Control characters are not allowed.');

export const askBodySchema = z
  .object({
    /** Which of the class's papers (RoomState.meeting.papers[].index); null: the class as a whole. */
    paperIndex: z.number().int().min(0).max(50).nullable(),
    text: questionText,
  })
  .strict();

export type AskBody = z.infer<typeof askBodySchema>;

export const statusBodySchema = z.object({ status: z.enum(QUESTION_STATUSES) }).strict();

const critiqueText = z
  .string()
  .trim()
  .min(1, 'Write the point first.')
  .max(CRITIQUE_POINT_MAX, `Keep a point under ${CRITIQUE_POINT_MAX} characters.`)
  .refine(noControl, 'Control characters are not allowed.');

export const critiqueBodySchema = z.object({ text: critiqueText }).strict();

export const critiquePatchBodySchema = z
  .object({ text: critiqueText.optional(), ticked: z.boolean().optional() })
  .strict()
  .refine((b) => b.text !== undefined || b.ticked !== undefined, 'Give the text or ticked to change.');

/** Staff: show the class's check-in code on the projector (opens check-in when none is open). */
export const projectorBodySchema = z.object({ showCheckInCode: z.boolean() }).strict();

export const roomSettingsBodySchema = z
  .object({
    /** The timer's default length in minutes; null: the syllabus's "at most N minutes", else 40. */
    timerMinutes: z.number().int().min(1).max(240).nullable().optional(),
    /** Hide the names of questions' authors from classmates (staff always see them). */
    anonymousQuestions: z.boolean().optional(),
  })
  .strict();

/** @public The answer of GET/PUT room-settings. */
export interface RoomSettings {
  timerMinutes: number | null;
  /** What the timer starts from when timerMinutes is null (syllabus or 40). */
  defaultMinutes: number;
  anonymousQuestions: boolean;
}

/**
 * The timer at the server's clock. Remaining time at the client: take offset = Date.parse(serverNow) − Date.now()
 * when the state (or event) arrives; then remaining = durationMs − elapsedMs − (running ? (Date.now() + offset −
 * Date.parse(startedAt)) : 0). remainingMs is that at serverNow; it goes negative past time (overtime).
 * Warnings (10 min, 5 min, time) are derived by clients: see timerWarning in src/domain/room-timer.ts.
 */
export interface RoomTimer {
  durationMs: number;
  running: boolean;
  /** When the current run started (ISO), null while paused or reset. */
  startedAt: string | null;
  /** Time used by earlier runs (before startedAt). */
  elapsedMs: number;
  remainingMs: number;
  serverNow: string;
}

export interface RoomPaper {
  /** The reading's position among the class's presented papers (the index questions are handed in against). */
  index: number;
  title: string;
}

export interface RoomPerson {
  userId: string;
  name: string;
}

export interface RoomGroup {
  groupId: string;
  name: string;
  members: RoomPerson[];
}

export interface RoomPanel {
  /** Authors: the presenting and the summary groups in force. */
  presenting: RoomGroup[];
  summary: RoomGroup[];
  reviewers: RoomGroup[];
  /** Everyone else: the number of enrolled students not on the panel. */
  audienceCount: number;
}

export interface CritiquePoint {
  id: string;
  text: string;
  ticked: boolean;
}

export interface RoomQuestion {
  id: string;
  /** RoomPaper.index, or null for a live question about the class as a whole. */
  paperIndex: number | null;
  text: string;
  /** The author's name; null when hidden from this viewer (anonymous course, viewer not staff). */
  author: string | null;
  /** Whether the viewer wrote it (always told, so a student finds their own). */
  mine: boolean;
  votes: number;
  myVote: boolean;
  status: RoomQuestionStatus;
  source: 'handed-in' | 'live';
  /** The RoomCluster it belongs to. */
  clusterId: string;
  createdAt: string;
}

/** Near-duplicate questions of one paper (term similarity): the presenter shows "7 similar questions" as one card. */
export interface RoomCluster {
  id: string;
  paperIndex: number | null;
  /** A few shared terms ("reward model, bias"), or the question's first words for a cluster of one. */
  label: string;
  /** Member question ids, oldest first (clients order cards by their questions' votes). */
  questionIds: string[];
}

export interface RoomAbilities {
  runTimer: boolean;
  setPhase: boolean;
  mark: boolean;
  ask: boolean;
  vote: boolean;
  editCritique: boolean;
  /** Staff: toggle the check-in code on the projector, change room settings, write after class. */
  manage: boolean;
}

/** @public The answer of GET …/room and of every write. */
export interface RoomState {
  /** start/end: ISO instants, null when the class has no times; show them in timeZone. */
  meeting: {
    date: string;
    title: string | null;
    start: string | null;
    end: string | null;
    timeZone: string;
    papers: RoomPaper[];
  };
  phase: RoomPhase;
  /** Writes by non-staff are refused (409, details.reason 'room-closed'): the phase is 'ended' or the day is past. */
  closed: boolean;
  timer: RoomTimer;
  panel: RoomPanel;
  /** The viewer's part: 'staff', a panel role, or 'audience' (a student not on the panel). */
  viewerRole: 'staff' | 'presenter' | 'summarizer' | 'reviewer' | 'audience';
  critique: CritiquePoint[];
  /** Handed-in questions once the question deadline has passed, then live ones; oldest first. */
  questions: RoomQuestion[];
  clusters: RoomCluster[];
  /** When the handed-in questions join the board (the question deadline), or null when none are asked for this class. */
  questionsDueAt: string | null;
  anonymousQuestions: boolean;
  /**
   * The check-in code while staff show it on the projector (and check-in is open), else null. Told to staff and the
   * presenting group only (the projector's laptop), never to the audience: a student at home must not check in.
   */
  checkInCode: string | null;
  abilities: RoomAbilities;
  /** The class's discussion thread (opened by its summary group or staff), or null while it has none. */
  discussionThreadId: string | null;
  /** Resume the event stream after this id (`?after=` or Last-Event-ID). 0 before any event. */
  lastEventId: number;
}

/** @public The answer of a vote (PUT/DELETE …/vote): the question's count once the vote committed. */
export interface VoteReply {
  questionId: string;
  votes: number;
  /** Whether the viewer's vote stands now. */
  myVote: boolean;
  /** The room's last event id once the vote committed (its 'votes' event has this id when the count changed). */
  lastEventId: number;
}

/** Sent once, in place of the missed events, when a resume point is older than the server keeps: refetch. */
interface ResetEvent {
  type: 'reset';
  reason: 'too-far-behind' | 'settings-changed';
}

/**
 * One message of the stream. `id` is the room's event id (monotonic per class, the same on every instance);
 * `serverNow` is the server's clock when the message was sent (clients keep their clock offset fresh with it).
 */
export type RoomEvent = { id: number; serverNow: string } & (
  | { type: 'timer'; timer: Omit<RoomTimer, 'remainingMs' | 'serverNow'> }
  | { type: 'phase'; phase: RoomPhase }
  /** A question was asked live, or its status changed: replace or insert it (votes/myVote as last known). */
  | { type: 'question'; question: Omit<RoomQuestion, 'myVote'> }
  /** A vote count changed (myVote is the client's own: its PUT/DELETE answer tells it). */
  | { type: 'votes'; questionId: string; votes: number }
  /** The clusters after a question joined (the whole list). */
  | { type: 'clusters'; clusters: RoomCluster[] }
  /** The critique points (the whole list). */
  | { type: 'critique'; critique: CritiquePoint[] }
  /** The check-in code shown on the projector, or null when hidden. */
  | { type: 'check-in'; checkInCode: string | null }
  | ResetEvent
);
/** @public */
export type RoomEventType = RoomEvent['type'];
