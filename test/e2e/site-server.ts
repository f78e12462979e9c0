// Starts the real Seminar server for the browser suites: temp SQLite data dir, the demo syllabus shifted so today is mid-semester, port 0.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DateTime } from 'luxon';
import type { CourseDetail } from '../../src/contracts/course.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createSeminar, listenSeminar, type Seminar } from '../../src/main.js';
import { importSyllabus } from '../../src/services/import-syllabus.js';

export const webDist = resolve('web/dist');
export const demoSlug = 'cs598-genai-f24';
export const demoZone = 'America/Chicago';

/** Fails with the command to run when the web client has not been built. */
export function assertWebBuilt(): void {
  if (!existsSync(join(webDist, 'index.html'))) {
    throw new Error(
      'web/dist is missing: build the web client first with `npm run build:web` (npm test does it).',
    );
  }
}

/**
 * The Monday six weeks before today in the course's zone: the fixture's first meeting (a Monday)
 * moves there, so "now" falls mid-semester with meetings and deadlines on both sides.
 */
export function midSemesterStart(now: DateTime = DateTime.now()): string {
  return now.setZone(demoZone).minus({ weeks: 6 }).startOf('week').toISODate()!;
}

export interface SiteServer {
  url: string;
  seminar: Seminar;
  config: Config;
  /** The server's temporary data directory (deleted on close). */
  dataDir: string;
  /** The demo course as the API serves it. */
  course(): Promise<CourseDetail>;
  close(): Promise<void>;
}

export interface SiteServerOptions {
  /** Import the demo syllabus as `cs598-genai-f24`, shifted to mid-semester (default true). */
  withDemo?: boolean;
  /** The server's clock (real time when absent). */
  clock?: () => Date;
  /** Stores what the suite needs before the server listens; `demoCourseId` is null without the demo. */
  seed?: (setup: { seminar: Seminar; config: Config; demoCourseId: string | null }) => Promise<unknown>;
}

/** A real server on a free port; `withDemo` imports the fixture as `cs598-genai-f24`. */
export async function startSiteServer({
  withDemo = true,
  clock,
  seed,
}: SiteServerOptions = {}): Promise<SiteServer> {
  assertWebBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'seminar-e2e-'));
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
  // A private copy of the build: another `npm run build:web` during the run must not swap the files under us.
  const webDir = join(dataDir, 'web');
  cpSync(webDist, webDir, { recursive: true });
  const seminar = await createSeminar(config, { webDir, ...(clock ? { clock } : {}) });
  try {
    let demoCourseId: string | null = null;
    if (withDemo) {
      const imported = await importSyllabus(
        { db: seminar.db },
        {
          source: readFileSync('examples/cs598-genai-f24.md'),
          slug: demoSlug,
          timeZone: demoZone,
          shiftTo: midSemesterStart(),
        },
      );
      demoCourseId = imported.stored.id;
    }
    await seed?.({ seminar, config, demoCourseId });
  } catch (error) {
    await seminar.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const { url } = await listenSeminar(seminar);
  return {
    url,
    seminar,
    config,
    dataDir,
    async course() {
      const response = await fetch(`${url}/api/courses/${demoSlug}`);
      if (!response.ok) throw new Error(`GET /api/courses/${demoSlug} answered ${response.status}`);
      return (await response.json()) as CourseDetail;
    },
    async close() {
      await seminar.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
