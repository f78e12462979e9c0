// The class room's client rules: the timer read and announced, the stream resumed, events folded in, the board grouped.
import { describe, expect, it } from 'vitest';
import type { RoomEvent, RoomQuestion, RoomState } from '../../src/contracts/room.js';
import { reconnectDelayMs, restartOnWake, resumeUrl } from '../../web/src/pages/room/room-resume.js';
import {
  applyRoomEvent,
  applyVoteReply,
  boardSections,
  discussingNow,
  shownPhase,
} from '../../web/src/pages/room/room-state.js';
import {
  announcement,
  clockText,
  clockWords,
  serverTimeAtReceipt,
  warningWords,
} from '../../web/src/pages/room/timer-words.js';

const question = (id: string, over: Partial<RoomQuestion> = {}): RoomQuestion => ({
  id,
  paperIndex: 0,
  text: `Question ${id}?`,
  author: 'Ada',
  mine: false,
  votes: 0,
  myVote: false,
  status: 'open',
  source: 'handed-in',
  clusterId: `c-${id}`,
  createdAt: `2024-08-28T14:0${id.length}:00Z`,
  ...over,
});

function room(over: Partial<RoomState> = {}): RoomState {
  return {
    meeting: {
      date: '2024-08-28',
      title: 'Scaling laws',
      start: '2024-08-28T14:30:00Z',
      end: '2024-08-28T15:45:00Z',
      timeZone: 'America/Chicago',
      papers: [
        { index: 0, title: 'Kaplan et al.' },
        { index: 1, title: 'Chinchilla' },
      ],
    },
    phase: 'presentation',
    closed: false,
    timer: {
      durationMs: 2_400_000,
      running: false,
      startedAt: null,
      elapsedMs: 0,
      remainingMs: 2_400_000,
      serverNow: '2024-08-28T14:30:00Z',
    },
    panel: { presenting: [], summary: [], reviewers: [], audienceCount: 12 },
    viewerRole: 'audience',
    critique: [],
    questions: [],
    clusters: [],
    questionsDueAt: null,
    anonymousQuestions: false,
    checkInCode: null,
    abilities: {
      runTimer: false,
      setPhase: false,
      mark: false,
      ask: true,
      vote: true,
      editCritique: false,
      manage: false,
    },
    discussionThreadId: null,
    lastEventId: 10,
    ...over,
  };
}

const at = { serverNow: '2024-08-28T14:35:00Z' };

describe('the timer on the screen', () => {
  it('shows whole seconds left, rounded up, so 0:00 means time is up, then counts over time', () => {
    expect(clockText(2_400_000)).toBe('40:00');
    expect(clockText(245_001)).toBe('4:06');
    expect(clockText(1)).toBe('0:01');
    expect(clockText(0)).toBe('0:00');
    expect(clockText(-999)).toBe('0:00');
    expect(clockText(-72_000)).toBe('+1:12');
  });

  it('says the time in words for screen readers', () => {
    expect(clockWords(2_399_000)).toBe('39 minutes 59 seconds left');
    expect(clockWords(60_000)).toBe('1 minute left');
    expect(clockWords(0)).toBe('Time is up');
    expect(clockWords(-61_000)).toBe('1 minute 1 second over time');
  });

  it('announces each warning once, as the running timer reaches it, never on a first reading or a reset', () => {
    expect(announcement(null, '5-minutes', true)).toBeNull();
    expect(announcement('none', '10-minutes', true)).toBe('Last 10 minutes');
    expect(announcement('10-minutes', '10-minutes', true)).toBeNull();
    expect(announcement('10-minutes', '5-minutes', true)).toBe('Last 5 minutes');
    expect(announcement('5-minutes', 'time', true)).toBe('Time is up');
    expect(announcement('time', 'none', true)).toBeNull();
    expect(announcement('none', '10-minutes', false)).toBeNull();
    expect(warningWords('none')).toBeNull();
  });

  it('takes the server’s time as of the answer’s arrival: its now plus half the round trip', () => {
    expect(serverTimeAtReceipt('2024-08-28T14:30:00.000Z', 1000, 1400)).toBe('2024-08-28T14:30:00.200Z');
    expect(serverTimeAtReceipt('not a time', 0, 10)).toBeNull();
  });
});

describe('the live connection', () => {
  it('waits longer after each failed attempt, at most 15 s', () => {
    expect([0, 1, 2, 3, 4, 9].map(reconnectDelayMs)).toEqual([1000, 2000, 4000, 8000, 15_000, 15_000]);
  });

  it('reopens on waking when the stream is not open or the page slept 30 s or more', () => {
    expect(restartOnWake(1, 5_000)).toBe(false);
    expect(restartOnWake(1, 30_000)).toBe(true);
    expect(restartOnWake(2, 0)).toBe(true);
    expect(restartOnWake(0, 0)).toBe(true);
  });

  it('resumes after the last event seen', () => {
    expect(resumeUrl('/api/r/events', null)).toBe('/api/r/events');
    expect(resumeUrl('/api/r/events', '42')).toBe('/api/r/events?after=42');
  });
});

describe('events folded into the room', () => {
  it('skips an event already in the state (a write’s answer came first)', () => {
    const state = room();
    const stale: RoomEvent = { id: 10, ...at, type: 'phase', phase: 'panel' };
    expect(applyRoomEvent(state, stale)).toBe(state);
  });

  it('runs the timer from the event and moves the phase; ending the class closes it', () => {
    const timer = { durationMs: 2_400_000, running: true, startedAt: at.serverNow, elapsedMs: 0 };
    const next = applyRoomEvent(room(), { id: 11, ...at, type: 'timer', timer });
    expect(next.timer).toMatchObject({ running: true, startedAt: at.serverNow, serverNow: at.serverNow });
    expect(next.lastEventId).toBe(11);
    const ended = applyRoomEvent(next, { id: 12, ...at, type: 'phase', phase: 'ended' });
    expect(ended).toMatchObject({ phase: 'ended', closed: true });
  });

  it('keeps the viewer’s own vote when a question changes, and counts votes from the event', () => {
    const state = room({ questions: [question('a', { votes: 2, myVote: true, mine: true })] });
    const { myVote: _, ...changed } = question('a', { status: 'discussing', votes: 2, mine: false });
    const next = applyRoomEvent(state, { id: 11, ...at, type: 'question', question: changed });
    expect(next.questions[0]).toMatchObject({ status: 'discussing', myVote: true, mine: true });
    const voted = applyRoomEvent(next, { id: 12, ...at, type: 'votes', questionId: 'a', votes: 3 });
    expect(voted.questions[0]!.votes).toBe(3);
    expect(discussingNow(voted).map((q) => q.id)).toEqual(['a']);
  });

  it('adds a live question at the end, without the viewer’s vote', () => {
    const { myVote: _, ...asked } = question('b', { source: 'live' });
    const next = applyRoomEvent(room({ questions: [question('a')] }), {
      id: 11,
      ...at,
      type: 'question',
      question: asked,
    });
    expect(next.questions.map((q) => [q.id, q.myVote])).toEqual([
      ['a', false],
      ['b', false],
    ]);
  });
});

describe('a vote’s answer folded into the room', () => {
  it('sets the viewer’s vote, and the count unless newer events already told it', () => {
    const state = room({ questions: [question('a', { votes: 2 }), question('b')] });
    const voted = applyVoteReply(state, { questionId: 'a', votes: 3, myVote: true, lastEventId: 11 });
    expect(voted.questions.map((q) => [q.id, q.votes, q.myVote])).toEqual([
      ['a', 3, true],
      ['b', 0, false],
    ]);
    // Events up to 14 came before the answer: their count is newer than the answer's.
    const later = room({ lastEventId: 14, questions: [question('a', { votes: 5 })] });
    expect(
      applyVoteReply(later, { questionId: 'a', votes: 3, myVote: false, lastEventId: 11 }).questions[0],
    ).toMatchObject({ votes: 5, myVote: false });
  });
});

describe('the board', () => {
  it('groups by paper then by similarity, the discussed card first, answered last, else by votes', () => {
    const state = room({
      questions: [
        question('a', { votes: 1 }),
        question('b', { votes: 4 }),
        question('c', { votes: 2 }),
        question('d', { votes: 9, status: 'answered' }),
        question('e', { votes: 0, status: 'discussing' }),
        question('f', { paperIndex: null, source: 'live' }),
      ],
      clusters: [
        { id: 'k1', paperIndex: 0, label: 'compute, data', questionIds: ['a', 'b', 'c'] },
        { id: 'k2', paperIndex: 0, label: 'loss', questionIds: ['d'] },
        { id: 'k3', paperIndex: 0, label: 'scale', questionIds: ['e'] },
      ],
    });
    const [kaplan, chinchilla, whole] = boardSections(state);
    expect(kaplan!.cards.map((c) => c.cluster.id)).toEqual(['k3', 'k1', 'k2']);
    expect(kaplan!.cards[1]!.questions.map((q) => q.id)).toEqual(['b', 'c', 'a']);
    expect(kaplan!.cards[1]!.votes).toBe(7);
    expect(kaplan!.cards[2]!.answered).toBe(true);
    expect(chinchilla!.cards).toEqual([]);
    // A question no cluster names (just asked) still shows, on its own card, under the class as a whole.
    expect(whole!.title).toBe('The class as a whole');
    expect(whole!.cards[0]!.questions.map((q) => q.id)).toEqual(['f']);
  });

  it('leaves out the class-as-a-whole section while it has no questions', () => {
    expect(boardSections(room()).map((s) => s.title)).toEqual(['Kaplan et al.', 'Chinchilla']);
  });
});

describe('the phase shown', () => {
  it('reads a timer started before the phase moved as the presentation under way', () => {
    const before = room({ phase: 'before' });
    expect(shownPhase(before)).toBe('before');
    expect(shownPhase({ ...before, timer: { ...before.timer, running: true } })).toBe('presentation');
    expect(shownPhase({ ...before, timer: { ...before.timer, elapsedMs: 1000 } })).toBe('presentation');
    expect(shownPhase(room({ phase: 'panel' }))).toBe('panel');
  });
});
