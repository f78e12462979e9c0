// Grades: the staff gradebook and grading queue, categories, settings, items, scores, release, regrades, export; a student's own grades and what-if.
import { z } from 'zod';
import {
  categoryPatchSchema,
  exportQuerySchema,
  gradeCategoryParamsSchema,
  gradeItemParamsSchema,
  gradeSettingsSchema,
  itemPatchSchema,
  newItemSchema,
  regradeAnswerSchema,
  regradeBodySchema,
  regradeParamsSchema,
  releaseBodySchema,
  scoreBodySchema,
  whatIfQuerySchema,
} from '../../contracts/grades.js';
import {
  addStaffItem,
  editCategory,
  editGradeSettings,
  editItem,
  enterScore,
  releaseItem,
  removeItem,
} from '../../services/grades/edit-grades.js';
import { exportGrades } from '../../services/grades/export-grades.js';
import { answerRegrade, requestRegrade } from '../../services/grades/regrades.js';
import { itemQueue, listRegrades, myGrades, myWhatIf, staffGradebook } from '../../services/grades/views.js';
import type { RoutePlugin } from '../deps.js';
import { noStore } from '../presenters/dashboard.js';
import { slugParamsSchema } from './courses.js';
import { errors, workDepsOf, workOf } from './deliverables.js';
import { attachment } from './downloads.js';

const tags = ['grades'];
const ok = z.object({}).passthrough();

export const gradeRoutes: RoutePlugin = async (app, { deps }) => {
  const svc = () => workDepsOf(app, deps);

  app.get(
    '/courses/:slug/grades',
    {
      schema: {
        summary: 'The gradebook: students × items, category and final columns, weights and cutoffs (staff)',
        tags,
        params: slugParamsSchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return staffGradebook(svc(), await workOf(deps, request, request.params.slug));
    },
  );

  app.patch(
    '/courses/:slug/grades/categories/:key',
    {
      schema: {
        summary: "Edit a grade category's name, weight or drops (staff)",
        tags,
        params: gradeCategoryParamsSchema,
        body: categoryPatchSchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) => {
      const work = await workOf(deps, request, request.params.slug);
      await editCategory(svc(), work, request.params.key, request.body);
      return { ok: true };
    },
  );

  app.patch(
    '/courses/:slug/grades/settings',
    {
      schema: {
        summary: 'Edit the letter cutoffs, the participation formula and the regrade window (staff)',
        tags,
        params: slugParamsSchema,
        body: gradeSettingsSchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) => {
      const work = await workOf(deps, request, request.params.slug);
      await editGradeSettings(svc(), work, request.body);
      return { ok: true };
    },
  );

  app.post(
    '/courses/:slug/grades/items',
    {
      schema: {
        summary: 'Add a grade item of your own, e.g. a participation adjustment (staff)',
        tags,
        params: slugParamsSchema,
        body: newItemSchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) => addStaffItem(svc(), await workOf(deps, request, request.params.slug), request.body),
  );

  app.get(
    '/courses/:slug/grades/items/:itemId',
    {
      schema: {
        summary:
          "One item's grading queue: who holds it, their hand-in, score, rubric scores and comment (staff)",
        tags,
        params: gradeItemParamsSchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return itemQueue(svc(), await workOf(deps, request, request.params.slug), request.params.itemId);
    },
  );

  app.patch(
    '/courses/:slug/grades/items/:itemId',
    {
      schema: {
        summary: "Edit an item's title, category, points or rubric (staff)",
        tags,
        params: gradeItemParamsSchema,
        body: itemPatchSchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) => {
      const work = await workOf(deps, request, request.params.slug);
      await editItem(svc(), work, request.params.itemId, request.body);
      return { ok: true };
    },
  );

  app.delete(
    '/courses/:slug/grades/items/:itemId',
    {
      schema: {
        summary: 'Remove an item staff added (staff)',
        tags,
        params: gradeItemParamsSchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) => {
      await removeItem(svc(), await workOf(deps, request, request.params.slug), request.params.itemId);
      return { ok: true };
    },
  );

  app.put(
    '/courses/:slug/grades/items/:itemId/scores',
    {
      schema: {
        summary:
          "Score a student or a group (group work: once per group; one member's override needs a reason) (staff)",
        tags,
        params: gradeItemParamsSchema,
        body: scoreBodySchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) =>
      enterScore(
        svc(),
        await workOf(deps, request, request.params.slug),
        request.params.itemId,
        request.body,
      ),
  );

  app.post(
    '/courses/:slug/grades/items/:itemId/release',
    {
      schema: {
        summary: 'Release an item to its students (they are mailed) or take the release back (staff)',
        tags,
        params: gradeItemParamsSchema,
        body: releaseBodySchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) =>
      releaseItem(
        svc(),
        await workOf(deps, request, request.params.slug),
        request.params.itemId,
        request.body.released,
      ),
  );

  app.get(
    '/courses/:slug/grades/mine',
    {
      schema: {
        summary: 'Your released scores with rubric and comments, category and current totals (students)',
        tags,
        params: slugParamsSchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return myGrades(svc(), await workOf(deps, request, request.params.slug));
    },
  );

  app.get(
    '/courses/:slug/grades/mine/what-if',
    {
      schema: {
        summary: 'What your course grade would be with given points on one item (students)',
        tags,
        params: slugParamsSchema,
        querystring: whatIfQuerySchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return myWhatIf(
        svc(),
        await workOf(deps, request, request.params.slug),
        request.query.itemId,
        request.query.points,
      );
    },
  );

  app.post(
    '/courses/:slug/grades/items/:itemId/regrades',
    {
      schema: {
        summary: 'Ask for a regrade of a released item, with a reason, within the window (students)',
        tags,
        params: gradeItemParamsSchema,
        body: regradeBodySchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) =>
      requestRegrade(
        svc(),
        await workOf(deps, request, request.params.slug),
        request.params.itemId,
        request.body.reason,
      ),
  );

  app.get(
    '/courses/:slug/grades/regrades',
    {
      schema: {
        summary: 'Regrade requests and their answers (staff)',
        tags,
        params: slugParamsSchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return listRegrades(svc(), await workOf(deps, request, request.params.slug));
    },
  );

  app.post(
    '/courses/:slug/grades/regrades/:regradeId/answer',
    {
      schema: {
        summary: 'Answer a regrade request, optionally with new points (staff)',
        tags,
        params: regradeParamsSchema,
        body: regradeAnswerSchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) =>
      answerRegrade(
        svc(),
        await workOf(deps, request, request.params.slug),
        request.params.regradeId,
        request.body,
      ),
  );

  app.get(
    '/courses/:slug/grades/export',
    {
      schema: {
        summary:
          'Download the grades: Canvas gradebook import CSV, plain CSV with totals, or JSON (instructors)',
        tags,
        params: slugParamsSchema,
        querystring: exportQuerySchema,
      },
    },
    async (request, reply) => {
      const file = await exportGrades(
        svc(),
        await workOf(deps, request, request.params.slug),
        request.query.format,
      );
      reply.header('content-type', file.contentType);
      reply.header('content-disposition', attachment(file.filename));
      reply.header('x-content-type-options', 'nosniff');
      reply.header('cache-control', 'private, no-store');
      return reply.send(file.body);
    },
  );
};
