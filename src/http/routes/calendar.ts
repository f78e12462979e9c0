// Calendar feeds (iCalendar): the course's public feed, a member's personal feed at a secret URL, and its making.
import { z } from 'zod';
import { errorSchema } from '../../contracts/course.js';
import {
  calendarTokenParamsSchema,
  newPersonalFeedSchema,
  personalFeedStateSchema,
} from '../../contracts/calendar.js';
import { courseFeed } from '../../services/calendar/feeds.js';
import {
  feedByToken,
  personalFeedState,
  revokePersonalFeed,
  rotatePersonalFeed,
} from '../../services/calendar/tokens.js';
import type { RoutePlugin } from '../deps.js';
import { noStore } from '../presenters/dashboard.js';
import { slugParamsSchema } from './courses.js';
import { errors } from './deliverables.js';

const tags = ['calendar'];
const ICS_TYPE = 'text/calendar; charset=utf-8';
const icsBody = z.string().describe('iCalendar text (RFC 5545)');

export const calendarRoutes: RoutePlugin = async (app, { deps }) => {
  const feedDeps = { db: deps.db, clock: deps.clock, publicUrl: deps.config.publicUrl };

  app.get(
    '/courses/:slug/calendar.ics',
    {
      schema: {
        summary:
          "The course's calendar: classes with readings and room, days without class, deadlines (everyone)",
        tags,
        params: slugParamsSchema,
        response: { 200: icsBody, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const text = await courseFeed(feedDeps, request.params.slug);
      reply
        .header('cache-control', 'no-cache')
        .header('content-disposition', 'inline; filename="course.ics"');
      return reply.type(ICS_TYPE).send(text);
    },
  );

  app.get(
    '/calendar/:file',
    {
      schema: {
        summary:
          "A member's personal calendar at its secret URL: the course's plus their group's roles and their own deadlines",
        tags,
        params: calendarTokenParamsSchema,
        response: { 200: icsBody, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const text = await feedByToken(feedDeps, request.params.file);
      // The URL is the secret: never kept by a shared cache, never sent on as a referrer.
      reply.header('cache-control', 'private, no-cache').header('referrer-policy', 'no-referrer');
      reply.header('content-disposition', 'inline; filename="mine.ics"');
      return reply.type(ICS_TYPE).send(text);
    },
  );

  app.get(
    '/courses/:slug/calendar/personal',
    {
      schema: {
        summary: 'Whether I have a personal calendar URL in this course, and since when (members)',
        tags,
        params: slugParamsSchema,
        response: { 200: personalFeedStateSchema, ...errors },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return personalFeedState(deps, request.params.slug, request.viewer);
    },
  );

  app.post(
    '/courses/:slug/calendar/personal',
    {
      schema: {
        summary: 'Make my personal calendar URL, or replace it (the old one stops working) (members)',
        tags,
        params: slugParamsSchema,
        response: { 200: newPersonalFeedSchema, ...errors },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return rotatePersonalFeed(deps, request.params.slug, request.viewer);
    },
  );

  app.delete(
    '/courses/:slug/calendar/personal',
    {
      schema: {
        summary: 'Turn my personal calendar URL off (members)',
        tags,
        params: slugParamsSchema,
        response: { 200: personalFeedStateSchema, ...errors },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return revokePersonalFeed(deps, request.params.slug, request.viewer);
    },
  );
};
