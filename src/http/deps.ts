// What every route plugin receives: configuration, the database, the clock, shared caches.
import type { Config } from '../config.js';
import type { Db } from '../storage/db.js';
import type { CourseBodyCache } from './presenters/course-cache.js';

export interface AppDeps {
  config: Readonly<Config>;
  db: Db;
  /** Server time; tests pass a fixed clock. */
  clock: () => Date;
  /** Presented course bodies per (slug, version, next meeting); safe across instances (version checked per request). */
  courseCache: CourseBodyCache;
}

/** Options object of every route plugin registered by buildApp. */
export interface RouteOptions {
  deps: AppDeps;
}
