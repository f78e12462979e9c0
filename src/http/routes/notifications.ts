// Announcements of a course, my notification settings, one-click unsubscribe, and a course's reminder settings.
import { z } from 'zod';
import {
  announcementBodySchema,
  announcementParamsSchema,
  notificationSettingsBodySchema,
  reminderSettingsBodySchema,
  unsubscribeParamsSchema,
} from '../../contracts/notifications.js';
import {
  createAnnouncement,
  deleteAnnouncement,
  editAnnouncement,
  listAnnouncements,
  mailDueAnnouncements,
} from '../../services/notifications/announcements.js';
import {
  editReminderSettings,
  viewReminderSettings,
} from '../../services/notifications/reminder-settings.js';
import { saveSettings, settingsOf, unsubscribe } from '../../services/notifications/settings.js';
import { isTimeZone } from '../../domain/notifications.js';
import { DomainError } from '../../services/errors.js';
import type { RoutePlugin } from '../deps.js';
import { requireUser } from '../plugins/auth.js';
import { noStore } from '../presenters/dashboard.js';
import { slugParamsSchema } from './courses.js';
import { errors, workOf } from './deliverables.js';

const tags = ['notifications'];
const ok = z.object({}).passthrough();

export const notificationRoutes: RoutePlugin = async (app, { deps }) => {
  const svc = () => ({ db: deps.db, clock: deps.clock, publicUrl: deps.config.publicUrl });
  /** Queues the mail of announcements whose time has come now (the scheduler would on its next round). */
  const mailNow = async () => {
    try {
      if ((await mailDueAnnouncements(svc())) > 0 && app.hasDecorator('auth')) app.auth.onMailQueued();
    } catch (error) {
      app.log.warn(`announcement mail: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  // RFC 8058: mail clients POST "List-Unsubscribe=One-Click" as a form; nothing in it is needed.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 },
    (_r, _b, done) => done(null, {}),
  );

  app.get(
    '/courses/:slug/announcements',
    {
      schema: {
        summary:
          'Announcements, newest first: those whose time has come; staff also see scheduled ones (members)',
        tags,
        params: slugParamsSchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return listAnnouncements(svc(), await workOf(deps, request, request.params.slug));
    },
  );

  app.post(
    '/courses/:slug/announcements',
    {
      schema: {
        summary:
          'Post an announcement (Markdown), now or at a local time in the course zone; mailed to everyone enrolled (staff)',
        tags,
        params: slugParamsSchema,
        body: announcementBodySchema,
        response: { 201: ok, ...errors },
      },
    },
    async (request, reply) => {
      const created = await createAnnouncement(
        svc(),
        await workOf(deps, request, request.params.slug),
        request.body,
      );
      if (!created.announcement.scheduled) await mailNow();
      return reply.code(201).send(created);
    },
  );

  app.patch(
    '/courses/:slug/announcements/:id',
    {
      schema: {
        summary: 'Change a scheduled announcement (staff)',
        tags,
        params: announcementParamsSchema,
        body: announcementBodySchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) => {
      const edited = await editAnnouncement(
        svc(),
        await workOf(deps, request, request.params.slug),
        request.params.id,
        request.body,
      );
      return edited;
    },
  );

  app.delete(
    '/courses/:slug/announcements/:id',
    {
      schema: {
        summary: 'Delete a scheduled announcement (staff)',
        tags,
        params: announcementParamsSchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) =>
      deleteAnnouncement(svc(), await workOf(deps, request, request.params.slug), request.params.id),
  );

  app.get(
    '/account/notifications',
    {
      schema: {
        summary:
          'My notification settings: per kind at once, daily digest or off; the digest hour (signed in)',
        tags,
        response: { 200: ok, ...errors },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      noStore(reply);
      return { now: deps.clock().toISOString(), settings: await settingsOf(deps.db, user.id, deps.clock()) };
    },
  );

  app.put(
    '/account/notifications',
    {
      schema: {
        summary: 'Change my notification settings (signed in)',
        tags,
        body: notificationSettingsBodySchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { digestZone } = request.body;
      if (digestZone !== undefined && !isTimeZone(digestZone))
        throw new DomainError(
          'invalid_input',
          `"${digestZone.slice(0, 64)}" is not a time zone such as Europe/Berlin.`,
        );
      return {
        now: deps.clock().toISOString(),
        settings: await saveSettings(deps.db, user.id, deps.clock(), request.body),
      };
    },
  );

  app.post(
    '/unsubscribe/:token',
    {
      schema: {
        summary:
          "One-click unsubscribe (RFC 8058): turns the link's kind of notification off, without signing in (anyone with the link)",
        tags,
        params: unsubscribeParamsSchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) => unsubscribe(deps.db, request.params.token, deps.clock()),
  );

  app.get(
    '/courses/:slug/reminders',
    {
      schema: {
        summary: 'Which deadline reminders the course sends, and when (staff)',
        tags,
        params: slugParamsSchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return viewReminderSettings(svc(), await workOf(deps, request, request.params.slug));
    },
  );

  app.put(
    '/courses/:slug/reminders',
    {
      schema: {
        summary: 'Turn each kind of deadline reminder on or off and set its times (staff)',
        tags,
        params: slugParamsSchema,
        body: reminderSettingsBodySchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) =>
      editReminderSettings(svc(), await workOf(deps, request, request.params.slug), request.body),
  );
};
