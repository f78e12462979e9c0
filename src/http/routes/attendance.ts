// Attendance: the staff roll of a class, the check-in code, a student checking in.
import {
  attendanceBodySchema,
  checkInBodySchema,
  looseObjectSchema,
  meetingParamsSchema,
} from '../../contracts/work.js';
import { checkIn, markAttendance, meetingRoll, openCheckIn } from '../../services/attendance/roll.js';
import type { RoutePlugin } from '../deps.js';
import { noStore } from '../presenters/dashboard.js';
import { errors, tags, workOf } from './deliverables.js';

export const attendanceRoutes: RoutePlugin = async (app, { deps }) => {
  app.get(
    '/courses/:slug/meetings/:date/attendance',
    {
      schema: {
        summary: 'The roll of a class (staff)',
        tags,
        params: meetingParamsSchema,
        response: { 200: looseObjectSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { slug, date } = request.params;
      noStore(reply);
      return meetingRoll(deps, await workOf(deps, request, slug), date);
    },
  );

  app.put(
    '/courses/:slug/meetings/:date/attendance',
    {
      schema: {
        summary: 'Mark students present, absent or excused (staff)',
        tags,
        params: meetingParamsSchema,
        body: attendanceBodySchema,
        response: { 200: looseObjectSchema, ...errors },
      },
    },
    async (request) => {
      const { slug, date } = request.params;
      const { marks } = request.body;
      return markAttendance(
        deps,
        await workOf(deps, request, slug),
        date,
        marks.map((m) => ({ userId: m.userId, status: m.status, note: m.note ?? null })),
      );
    },
  );

  app.post(
    '/courses/:slug/meetings/:date/check-in-code',
    {
      schema: {
        summary: 'Open check-in with a fresh code that expires when the class ends (staff)',
        tags,
        params: meetingParamsSchema,
        response: { 200: looseObjectSchema, ...errors },
      },
    },
    async (request) => {
      const { slug, date } = request.params;
      return openCheckIn(deps, await workOf(deps, request, slug), date);
    },
  );

  app.post(
    '/courses/:slug/meetings/:date/check-in',
    {
      schema: {
        summary: 'Check in with the code shown in class (students)',
        tags,
        params: meetingParamsSchema,
        body: checkInBodySchema,
        response: { 200: looseObjectSchema, ...errors },
      },
    },
    async (request) => {
      const { slug, date } = request.params;
      return checkIn(deps, await workOf(deps, request, slug), date, request.body.code);
    },
  );
};
