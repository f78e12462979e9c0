// What every route plugin receives: configuration, the database, the clock, shared caches.
import type { FastifyPluginAsync, FastifyTypeProvider, RawServerDefault } from 'fastify';
import type { z, ZodType } from 'zod';
import type { Config } from '../config.js';
import type { Db } from '../storage/db.js';
import type { Lifecycle } from './lifecycle.js';
import type { CourseBodyCache } from './presenters/course-cache.js';

export interface AppDeps {
  config: Readonly<Config>;
  db: Db;
  /** Server time; tests pass a fixed clock. */
  clock: () => Date;
  /** Presented course bodies per (slug, version, next meeting); safe across instances (version checked per request). */
  courseCache: CourseBodyCache;
  /** Serving or draining (read by /api/ready; set by the shutdown). */
  lifecycle: Lifecycle;
}

/** Options object of every route plugin registered by buildApp. */
export interface RouteOptions {
  deps: AppDeps;
}

/**
 * Types requests from the route's zod schemas: `request.params`, `querystring`, `body` and `headers`
 * are what the schema parsed (zod output). Replies stay untyped: response schemas are documentation.
 */
export interface ZodTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends ZodType ? z.output<this['schema']> : unknown;
  serializer: unknown;
}

/** A route plugin: registered under /api with { deps }, its handlers typed by the zod schemas. */
export type RoutePlugin = FastifyPluginAsync<RouteOptions, RawServerDefault, ZodTypeProvider>;
