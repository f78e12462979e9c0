// Peer feedback on presentations: the classes to rate, one class's form and summary, a classmate's rating, staff's peer weight.
import { z } from 'zod';
import {
  peerClassParamsSchema,
  peerRatingSchema,
  peerSettingsSchema,
} from '../../contracts/peer-feedback.js';
import {
  classFeedback,
  editPeerSettings,
  listPeerFeedback,
  rateClass,
} from '../../services/peer/feedback.js';
import type { RoutePlugin } from '../deps.js';
import { noStore } from '../presenters/dashboard.js';
import { slugParamsSchema } from './courses.js';
import { errors, workDepsOf, workOf } from './deliverables.js';

const tags = ['peer feedback'];
const ok = z.object({}).passthrough();

export const peerFeedbackRoutes: RoutePlugin = async (app, { deps }) => {
  const svc = () => workDepsOf(app, deps);

  app.get(
    '/courses/:slug/peer-feedback',
    {
      schema: {
        summary:
          'The student-led classes with their feedback windows: for a student whether they may rate each (members)',
        tags,
        params: slugParamsSchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return listPeerFeedback(svc(), await workOf(deps, request, request.params.slug));
    },
  );

  app.get(
    '/courses/:slug/meetings/:date/peer-feedback',
    {
      schema: {
        summary:
          "One class's peer feedback: your rating; presenters see medians and comments without names; staff see who wrote what (members)",
        tags,
        params: peerClassParamsSchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return classFeedback(svc(), await workOf(deps, request, request.params.slug), request.params.date);
    },
  );

  app.put(
    '/courses/:slug/meetings/:date/peer-feedback',
    {
      schema: {
        summary:
          'Rate a classmate-led class (1–5 per criterion) with an optional Markdown comment, until the end of the next day (students)',
        tags,
        params: peerClassParamsSchema,
        body: peerRatingSchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) =>
      rateClass(svc(), await workOf(deps, request, request.params.slug), request.params.date, request.body),
  );

  app.patch(
    '/courses/:slug/peer-feedback/settings',
    {
      schema: {
        summary: "Whether, and with which weight, the peer median enters a presentation's score (staff)",
        tags,
        params: slugParamsSchema,
        body: peerSettingsSchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) =>
      editPeerSettings(svc(), await workOf(deps, request, request.params.slug), request.body),
  );
};
