// Deliverables of a course (members read, staff edit) and extensions granted by staff.
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { errorSchema } from '../../contracts/course.js';
import { deliverableParamsSchema, deliverablePatchSchema, extensionBodySchema, looseObjectSchema } from '../../contracts/work.js';
import { BlobStore } from '../../files/blob-store.js';
import { authorize } from '../../services/enrollment/course-access.js';
import { integrityPolicyText, loadWorkCourse, type WorkCourse, type WorkDeps } from '../../services/work/context.js';
import { grantExtension, updateDeliverable } from '../../services/work/staff.js';
import type { AppDeps, RouteOptions } from '../deps.js';
import { noStore } from '../presenters/dashboard.js';
import { presentDeliverable } from '../presenters/work.js';
import { slugParamsSchema } from './courses.js';

export const tags = ['work'];
export const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

const workDeps = new WeakMap<AppDeps, WorkDeps>();

/** The work use cases' dependencies for this app: its database, files folder, mailer and clock. */
export function workDepsOf(app: FastifyInstance, deps: AppDeps): WorkDeps {
  let found = workDeps.get(deps);
  if (!found) {
    found = { db: deps.db, files: new BlobStore(deps.config.filesDir), mailer: app.hasDecorator('auth') ? app.auth.mailer : null, clock: deps.clock, publicUrl: deps.config.publicUrl };
    workDeps.set(deps, found);
  }
  return found;
}

export function workOf(deps: AppDeps, request: FastifyRequest, slug: string): Promise<WorkCourse> {
  return loadWorkCourse(deps, slug, request.viewer);
}

export const deliverableRoutes: FastifyPluginAsync<RouteOptions> = async (app, { deps }) => {
  app.get('/courses/:slug/deliverables', { schema: { summary: 'Deliverables of the course with their due, late and file rules (members)', tags, params: slugParamsSchema, response: { 200: looseObjectSchema, ...errors } } }, async (request, reply) => {
    const { slug } = request.params as z.infer<typeof slugParamsSchema>;
    const work = await workOf(deps, request, slug);
    authorize(work.access, 'viewPrivate');
    noStore(reply);
    return { timeZone: work.course.timeZone, policy: integrityPolicyText(work.course), deliverables: work.deliverables.map((d) => presentDeliverable(d, work.course.timeZone)) };
  });

  app.patch('/courses/:slug/deliverables/:key', { schema: { summary: "Edit a deliverable's policy: due rule, late rule, grace, allowance, limits, closed (staff)", tags, params: deliverableParamsSchema, body: deliverablePatchSchema, response: { 200: looseObjectSchema, ...errors } } }, async (request) => {
    const { slug, key } = request.params as z.infer<typeof deliverableParamsSchema>;
    const work = await workOf(deps, request, slug);
    const spec = await updateDeliverable(workDepsOf(app, deps), work, key, request.body as z.infer<typeof deliverablePatchSchema>);
    return { deliverable: spec };
  });

  app.post('/courses/:slug/deliverables/:key/extensions', { schema: { summary: 'Grant a student or a group a later deadline (staff)', tags, params: deliverableParamsSchema, body: extensionBodySchema, response: { 201: looseObjectSchema, ...errors } } }, async (request, reply) => {
    const { slug, key } = request.params as z.infer<typeof deliverableParamsSchema>;
    const body = request.body as z.infer<typeof extensionBodySchema>;
    const work = await workOf(deps, request, slug);
    const granted = await grantExtension(workDepsOf(app, deps), work, { deliverableKey: key, meetingDate: body.meetingDate ?? null, target: body.target, dueAt: body.dueAt, reason: body.reason ?? null });
    return reply.code(201).send(granted);
  });
};
