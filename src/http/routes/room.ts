// The live room of a class (see src/contracts/room.ts): state, live events, timer, phase, questions, votes, critique.
import { z } from 'zod';
import {
  askBodySchema,
  critiqueBodySchema,
  critiquePatchBodySchema,
  phaseBodySchema,
  projectorBodySchema,
  roomCritiqueParamsSchema,
  roomEventsQuerySchema,
  roomParamsSchema,
  roomQuestionParamsSchema,
  roomSettingsBodySchema,
  statusBodySchema,
  timerBodySchema,
} from '../../contracts/room.js';
import {
  askLive,
  editCritique,
  markQuestion,
  runTimer,
  setPhase,
  showCheckIn,
  vote,
} from '../../services/room/actions.js';
import { stopRoomEvents } from '../../services/room/bus.js';
import { roomFeed } from '../../services/room/feed.js';
import { changeRoomSettings, roomSettings } from '../../services/room/settings.js';
import { roomState } from '../../services/room/state.js';
import { DomainError } from '../../services/errors.js';
import type { RoutePlugin } from '../deps.js';
import { openEventStream } from '../event-stream.js';
import { noStore } from '../presenters/dashboard.js';
import { slugParamsSchema } from './courses.js';
import { errors, workOf } from './deliverables.js';

const tags = ['room'];
const ok = z.object({}).passthrough();
const base = '/courses/:slug/meetings/:date/room';

/** The resume point: `?after=` or the Last-Event-ID header (EventSource's reconnect). */
function resumePoint(query: string | undefined, header: string | string[] | undefined): number | null {
  const raw = query ?? (typeof header === 'string' ? header.trim() : undefined);
  if (raw === undefined || raw === '') return null;
  if (!/^\d{1,15}$/.test(raw))
    throw new DomainError('invalid_input', 'Last-Event-ID is the id of an event, a whole number.');
  return Number(raw);
}

export const roomRoutes: RoutePlugin = async (app, { deps }) => {
  const streams = new Set<() => void>();
  // Streams end before the server stops accepting (it waits for open connections); clients reconnect elsewhere.
  app.addHook('preClose', async () => {
    for (const end of streams) end();
  });
  app.addHook('onClose', async () => {
    for (const end of streams) end();
    await stopRoomEvents(deps.db);
  });
  const work = (request: Parameters<typeof workOf>[1], slug: string) => workOf(deps, request, slug);
  const write = (summary: string) => ({ summary, tags, response: { 200: ok, ...errors } });

  app.get(
    base,
    {
      schema: {
        ...write('The room of a class: timer, phase, panel, question board, critique (members)'),
        params: roomParamsSchema,
      },
    },
    async (request, reply) => {
      noStore(reply);
      const { slug, date } = request.params;
      return roomState(deps, await work(request, slug), date);
    },
  );

  app.get(
    `${base}/events`,
    {
      schema: {
        ...write('Live updates of a class room (Server-Sent Events, resumable with Last-Event-ID) (members)'),
        params: roomParamsSchema,
        querystring: roomEventsQuerySchema,
      },
    },
    async (request, reply) => {
      const { slug, date } = request.params;
      const after = resumePoint(request.query.after, request.headers['last-event-id']);
      const feed = await roomFeed(deps, await work(request, slug), date);
      noStore(reply);
      if (!(request.headers.accept ?? '').includes('text/event-stream'))
        return { stream: false, message: 'Ask with "Accept: text/event-stream" to receive live updates.' };
      let stop: (() => void) | null = null;
      const stream = openEventStream(request, reply, {
        heartbeatMs: 20_000,
        gauge: { metric: app.metrics.sseConnections, feed: 'room' },
        onEnd: () => {
          stop?.();
          streams.delete(stream.end);
        },
      });
      streams.add(stream.end);
      try {
        stop = await feed.follow(after, (text) => stream.write(text));
      } catch {
        stream.end();
      }
      if (stream.ended()) stop?.();
    },
  );

  app.post(
    `${base}/timer`,
    {
      schema: {
        ...write('Start, pause or reset the timer (staff, presenting group)'),
        params: roomParamsSchema,
        body: timerBodySchema,
      },
    },
    async (request) =>
      runTimer(deps, await work(request, request.params.slug), request.params.date, request.body),
  );

  app.post(
    `${base}/phase`,
    {
      schema: {
        ...write('Move the class to a phase (staff, presenting group)'),
        params: roomParamsSchema,
        body: phaseBodySchema,
      },
    },
    async (request) =>
      setPhase(deps, await work(request, request.params.slug), request.params.date, request.body.phase),
  );

  app.post(
    `${base}/questions`,
    { schema: { ...write('Ask a question live (students)'), params: roomParamsSchema, body: askBodySchema } },
    async (request) =>
      askLive(deps, await work(request, request.params.slug), request.params.date, request.body),
  );

  for (const [method, on] of [
    ['put', true],
    ['delete', false],
  ] as const)
    app[method](
      `${base}/questions/:questionId/vote`,
      {
        schema: {
          ...write(on ? 'Vote for a question, once (students)' : 'Take back a vote (students)'),
          params: roomQuestionParamsSchema,
        },
      },
      async (request) => {
        const { slug, date, questionId } = request.params;
        return vote(deps, await work(request, slug), date, questionId, on);
      },
    );

  app.post(
    `${base}/questions/:questionId/status`,
    {
      schema: {
        ...write('Mark a question open, being discussed or answered (staff, panel)'),
        params: roomQuestionParamsSchema,
        body: statusBodySchema,
      },
    },
    async (request) => {
      const { slug, date, questionId } = request.params;
      return markQuestion(deps, await work(request, slug), date, questionId, request.body.status);
    },
  );

  app.post(
    `${base}/critique`,
    {
      schema: {
        ...write('Add a critique point (staff, reviewer group)'),
        params: roomParamsSchema,
        body: critiqueBodySchema,
      },
    },
    async (request) =>
      editCritique(deps, await work(request, request.params.slug), request.params.date, {
        op: 'add',
        text: request.body.text,
      }),
  );

  app.patch(
    `${base}/critique/:pointId`,
    {
      schema: {
        ...write('Edit or tick a critique point (staff, reviewer group)'),
        params: roomCritiqueParamsSchema,
        body: critiquePatchBodySchema,
      },
    },
    async (request) => {
      const { slug, date, pointId } = request.params;
      return editCritique(deps, await work(request, slug), date, {
        op: 'edit',
        id: pointId,
        ...request.body,
      });
    },
  );

  app.delete(
    `${base}/critique/:pointId`,
    {
      schema: {
        ...write('Delete a critique point (staff, reviewer group)'),
        params: roomCritiqueParamsSchema,
      },
    },
    async (request) => {
      const { slug, date, pointId } = request.params;
      return editCritique(deps, await work(request, slug), date, { op: 'delete', id: pointId });
    },
  );

  app.post(
    `${base}/projector`,
    {
      schema: {
        ...write('Show or hide the check-in code on the projector (staff)'),
        params: roomParamsSchema,
        body: projectorBodySchema,
      },
    },
    async (request) =>
      showCheckIn(
        deps,
        await work(request, request.params.slug),
        request.params.date,
        request.body.showCheckInCode,
      ),
  );

  app.get(
    '/courses/:slug/room-settings',
    {
      schema: {
        ...write('The class rooms’ settings: timer length, anonymous questions (staff)'),
        params: slugParamsSchema,
      },
    },
    async (request, reply) => {
      noStore(reply);
      return roomSettings(deps, await work(request, request.params.slug));
    },
  );

  app.put(
    '/courses/:slug/room-settings',
    {
      schema: {
        ...write('Change the class rooms’ settings (staff)'),
        params: slugParamsSchema,
        body: roomSettingsBodySchema,
      },
    },
    async (request) => changeRoomSettings(deps, await work(request, request.params.slug), request.body),
  );
};
