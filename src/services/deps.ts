// What use cases receive: the database and the clock (never Date.now() inside a rule).
import type { Db } from '../storage/db.js';

export interface ServiceDeps {
  db: Db;
  /** Server time; defaults to the wall clock. */
  clock?: () => Date;
}

export function nowOf(deps: ServiceDeps): Date {
  return deps.clock ? deps.clock() : new Date();
}
