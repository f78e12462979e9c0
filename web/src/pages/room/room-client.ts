// The web client's calls to the room API, and the room of one class kept live: loaded, then moved by its events.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type {
  askBodySchema,
  RoomEvent,
  RoomEventType,
  RoomPhase,
  RoomQuestionStatus,
  RoomState,
  timerBodySchema,
  VoteReply,
} from '../../../../src/contracts/room.js';
import { ApiError } from '../../api.js';
import { call } from '../../auth/client.js';
import { noteServerTime } from '../../components/server-now.js';
import { asApiError } from '../../components/use-loaded.js';
import { applyRoomEvent, applyVoteReply } from './room-state.js';
import { useRoomEvents, type LiveStatus } from './room-live.js';
import { serverTimeAtReceipt } from './timer-words.js';

export type TimerBody = z.infer<typeof timerBodySchema>;
type AskBody = z.infer<typeof askBodySchema>;

const roomBase = (slug: string, date: string) =>
  `/api/courses/${encodeURIComponent(slug)}/meetings/${encodeURIComponent(date)}/room`;

const question = (slug: string, date: string, id: string) =>
  `${roomBase(slug, date)}/questions/${encodeURIComponent(id)}`;

export const roomApi = {
  state: (slug: string, date: string) => call<RoomState>('GET', roomBase(slug, date)),
  timer: (slug: string, date: string, body: TimerBody) =>
    call<RoomState>('POST', `${roomBase(slug, date)}/timer`, body),
  phase: (slug: string, date: string, phase: RoomPhase) =>
    call<RoomState>('POST', `${roomBase(slug, date)}/phase`, { phase }),
  ask: (slug: string, date: string, body: AskBody) =>
    call<RoomState>('POST', `${roomBase(slug, date)}/questions`, body),
  vote: (slug: string, date: string, id: string, on: boolean) =>
    call<VoteReply>(on ? 'PUT' : 'DELETE', `${question(slug, date, id)}/vote`),
  status: (slug: string, date: string, id: string, status: RoomQuestionStatus) =>
    call<RoomState>('POST', `${question(slug, date, id)}/status`, { status }),
  addPoint: (slug: string, date: string, text: string) =>
    call<RoomState>('POST', `${roomBase(slug, date)}/critique`, { text }),
  editPoint: (slug: string, date: string, id: string, patch: { text?: string; ticked?: boolean }) =>
    call<RoomState>('PATCH', `${roomBase(slug, date)}/critique/${encodeURIComponent(id)}`, patch),
  removePoint: (slug: string, date: string, id: string) =>
    call<RoomState>('DELETE', `${roomBase(slug, date)}/critique/${encodeURIComponent(id)}`),
  projector: (slug: string, date: string, showCheckInCode: boolean) =>
    call<RoomState>('POST', `${roomBase(slug, date)}/projector`, { showCheckInCode }),
};

const EVENT_TYPES: readonly RoomEventType[] = [
  'timer',
  'phase',
  'question',
  'votes',
  'clusters',
  'critique',
  'check-in',
  'reset',
];

export interface LiveRoom {
  room: RoomState | null;
  error: ApiError | null;
  status: LiveStatus;
  reload: () => void;
  /** Runs a write; its answer (the whole room) replaces the state. Resolves to the error message, or null. */
  act: (write: () => Promise<RoomState>) => Promise<string | null>;
  /** Runs a vote; its answer sets the viewer's vote (and the count, unless newer events told it already). */
  actVote: (write: () => Promise<VoteReply>) => Promise<string | null>;
}

/** Notes the server's clock from a state fetched between `sentAt` and now (half the round trip added). */
function noteClock(state: RoomState, sentAt: number): void {
  const at = serverTimeAtReceipt(state.timer.serverNow, sentAt, Date.now());
  if (at) noteServerTime(at);
}

/** The room of one class: loaded once, then kept current by its event stream; writes answer the new state. */
export function useLiveRoom(slug: string, date: string): LiveRoom {
  const [room, setRoom] = useState<RoomState | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const latest = useRef<RoomState | null>(null);
  const take = useCallback((state: RoomState) => {
    // A write's answer or a refetch may be older than events already applied: keep the newer.
    if (latest.current && state.lastEventId < latest.current.lastEventId) return;
    latest.current = state;
    setRoom(state);
  }, []);
  const fetchState = useCallback(async () => {
    const sentAt = Date.now();
    const state = await roomApi.state(slug, date);
    noteClock(state, sentAt);
    latest.current = null; // A fresh read wins, even after a server-side reset of the event ids.
    take(state);
    setError(null);
    return state;
  }, [slug, date, take]);
  const reload = useCallback(() => {
    fetchState().catch((e: unknown) => setError(asApiError(e)));
  }, [fetchState]);
  useEffect(reload, [reload]);

  const status = useRoomEvents(
    room ? `${roomBase(slug, date)}/events` : null,
    room ? String(room.lastEventId) : null,
    EVENT_TYPES,
    {
      onEvent: (_type, data) => {
        const event = data as RoomEvent;
        if (event.type === 'timer') noteServerTime(event.serverNow);
        const current = latest.current;
        if (!current) return;
        const next = applyRoomEvent(current, event);
        latest.current = next;
        setRoom(next);
      },
      onResume: () => fetchState().then((s) => String(s.lastEventId)),
    },
  );

  const act = useCallback(
    async (write: () => Promise<RoomState>) => {
      try {
        take(await write());
        return null;
      } catch (e) {
        return asApiError(e).message;
      }
    },
    [take],
  );
  const actVote = useCallback(async (write: () => Promise<VoteReply>) => {
    try {
      const reply = await write();
      const current = latest.current;
      if (!current) return null;
      const next = applyVoteReply(current, reply);
      latest.current = next;
      setRoom(next);
      return null;
    } catch (e) {
      return asApiError(e).message;
    }
  }, []);
  return { room, error, status, reload, act, actVote };
}
