// Discussions and Q&A: the list, a thread, opening and asking, replies, edits and deletes, reactions, moderation, search.
import { z } from 'zod';
import {
  discussionListQuerySchema,
  discussionSearchQuerySchema,
  editPostSchema,
  newThreadSchema,
  postModerationSchema,
  postParamsSchema,
  reactionSchema,
  replySchema,
  threadParamsSchema,
  threadPatchSchema,
} from '../../contracts/discussions.js';
import { updateThread, moderatePost } from '../../services/discussions/moderation.js';
import { deletePost, editPost, postHistory, react, reply } from '../../services/discussions/posts.js';
import { discussionFeed } from '../../services/discussions/live.js';
import { stopDiscussionEvents } from '../../services/discussions/events.js';
import { searchDiscussions } from '../../services/discussions/search.js';
import { openEventStream } from '../event-stream.js';
import {
  askQuestion,
  listDiscussions,
  openClassDiscussion,
  readThread,
} from '../../services/discussions/threads.js';
import type { RoutePlugin } from '../deps.js';
import { noStore } from '../presenters/dashboard.js';
import { slugParamsSchema } from './courses.js';
import { errors, workDepsOf, workOf } from './deliverables.js';

const tags = ['discussions'];
const ok = z.object({}).passthrough();

export const discussionRoutes: RoutePlugin = async (app, { deps }) => {
  const svc = () => workDepsOf(app, deps);
  const streams = new Set<() => void>();
  // Streams end before the server stops accepting (it waits for open connections); clients reconnect elsewhere.
  app.addHook('preClose', async () => {
    for (const end of streams) end();
  });
  app.addHook('onClose', async () => {
    for (const end of streams) end();
    await stopDiscussionEvents(deps.db);
  });

  app.get(
    '/courses/:slug/discussions/events',
    {
      schema: {
        summary:
          'Live updates (Server-Sent Events, with Accept: text/event-stream): new threads, posts and changes you may see (members)',
        tags,
        params: slugParamsSchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request, reply) => {
      const feed = discussionFeed(svc(), await workOf(deps, request, request.params.slug));
      noStore(reply);
      if (!(request.headers.accept ?? '').includes('text/event-stream'))
        return { stream: false, message: 'Ask with "Accept: text/event-stream" to receive live updates.' };
      let stop: (() => void) | null = null;
      const stream = openEventStream(request, reply, {
        heartbeatMs: 25_000,
        gauge: { metric: app.metrics.sseConnections, feed: 'discussions' },
        // "Connected" once the feed follows: an event after it reaches this client (there is no resume point).
        announceLater: true,
        onEnd: () => {
          stop?.();
          streams.delete(stream.end);
        },
      });
      streams.add(stream.end);
      try {
        stop = await feed.follow((event) => stream.send('discussion', event));
      } catch {
        stream.end();
      }
      if (stream.ended()) stop?.();
      else stream.announce();
    },
  );

  app.get(
    '/courses/:slug/discussions',
    {
      schema: {
        summary:
          'Class discussions and Q&A questions you may read, with unread counts; the classes and whether you may open their discussion (members)',
        tags,
        params: slugParamsSchema,
        querystring: discussionListQuerySchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request, reply) => {
      noStore(reply);
      const { kind, category, resolved } = request.query;
      return listDiscussions(svc(), await workOf(deps, request, request.params.slug), {
        ...(kind ? { kind } : {}),
        ...(category ? { category } : {}),
        ...(resolved ? { resolved: resolved === 'true' } : {}),
      });
    },
  );

  app.post(
    '/courses/:slug/discussions',
    {
      schema: {
        summary:
          "Open a class's discussion (its summary group once the summary is handed in, or staff) or ask a question (members)",
        tags,
        params: slugParamsSchema,
        body: newThreadSchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) => {
      const work = await workOf(deps, request, request.params.slug);
      const body = request.body;
      return body.kind === 'class' ? openClassDiscussion(svc(), work, body) : askQuestion(svc(), work, body);
    },
  );

  app.get(
    '/courses/:slug/discussions/search',
    {
      schema: {
        summary:
          'Search titles and posts you may read, best match first, with the matching words marked (members)',
        tags,
        params: slugParamsSchema,
        querystring: discussionSearchQuerySchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return searchDiscussions(svc(), await workOf(deps, request, request.params.slug), request.query.q);
    },
  );

  app.get(
    '/courses/:slug/discussions/:threadId',
    {
      schema: {
        summary: 'One discussion with the posts you may read; marks it read (members)',
        tags,
        params: threadParamsSchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return readThread(svc(), await workOf(deps, request, request.params.slug), request.params.threadId);
    },
  );

  app.patch(
    '/courses/:slug/discussions/:threadId',
    {
      schema: {
        summary:
          'Pin or close a discussion (staff); resolve a question or accept an answer (the asker or staff)',
        tags,
        params: threadParamsSchema,
        body: threadPatchSchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) =>
      updateThread(
        svc(),
        await workOf(deps, request, request.params.slug),
        request.params.threadId,
        request.body,
      ),
  );

  app.post(
    '/courses/:slug/discussions/:threadId/posts',
    {
      schema: {
        summary: 'Reply in a discussion, to its opening post or to a reply (members; not in a closed one)',
        tags,
        params: threadParamsSchema,
        body: replySchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) =>
      reply(svc(), await workOf(deps, request, request.params.slug), request.params.threadId, request.body),
  );

  app.patch(
    '/courses/:slug/posts/:postId',
    {
      schema: {
        summary: 'Edit your post; the earlier text is kept (the author)',
        tags,
        params: postParamsSchema,
        body: editPostSchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) =>
      editPost(svc(), await workOf(deps, request, request.params.slug), request.params.postId, request.body),
  );

  app.delete(
    '/courses/:slug/posts/:postId',
    {
      schema: {
        summary: 'Delete your post: a tombstone stays in the thread (the author)',
        tags,
        params: postParamsSchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) =>
      deletePost(svc(), await workOf(deps, request, request.params.slug), request.params.postId),
  );

  app.get(
    '/courses/:slug/posts/:postId/history',
    {
      schema: {
        summary: 'Earlier versions of a post (its author and staff)',
        tags,
        params: postParamsSchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return postHistory(svc(), await workOf(deps, request, request.params.slug), request.params.postId);
    },
  );

  app.post(
    '/courses/:slug/posts/:postId/reactions',
    {
      schema: {
        summary: 'Toggle one of the fixed reactions on a post (members)',
        tags,
        params: postParamsSchema,
        body: reactionSchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) =>
      react(
        svc(),
        await workOf(deps, request, request.params.slug),
        request.params.postId,
        request.body.kind,
      ),
  );

  app.post(
    '/courses/:slug/posts/:postId/moderation',
    {
      schema: {
        summary: 'Hide or show a post (audited) and endorse a reply (staff)',
        tags,
        params: postParamsSchema,
        body: postModerationSchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) =>
      moderatePost(
        svc(),
        await workOf(deps, request, request.params.slug),
        request.params.postId,
        request.body,
      ),
  );
};
