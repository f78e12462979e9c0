// Starts a real Seminar (createSeminar + listen on port 0) on a fresh test database of either dialect, optionally with the demo course.
import type { Config } from '../../src/config.js';
import { createSeminar, listenSeminar, type Seminar } from '../../src/main.js';
import { importDemoCourse } from '../../src/services/demo-course.js';
import type { ImportSyllabusResult } from '../../src/services/import-syllabus.js';
import { createTestDatabase, type DialectName } from './dialects.js';

export interface TestServer {
  /** http://127.0.0.1:PORT */
  url: string;
  seminar: Seminar;
  config: Readonly<Config>;
  /** The demo course as imported, when `demo` was asked for. */
  demo: ImportSyllabusResult | null;
  /** Stops the server and drops the database (schema or temp folder). */
  close(): Promise<void>;
}

export interface TestServerOptions {
  dialect?: DialectName;
  /** Server time (default: wall clock). */
  clock?: () => Date;
  /** Import examples/cs598-genai-f24.md as cs598-genai-f24, shifted so `clock()` falls mid-semester. */
  demo?: boolean;
  /** Built web client folder (default web/dist). */
  webDir?: string;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const database = await createTestDatabase(options.dialect ?? 'sqlite', { HOST: '127.0.0.1', PORT: '0' });
  // The suite's own handle is not needed: the server opens its own pool on the same database.
  await database.db.destroy();
  const seminar = await createSeminar(database.config, {
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.webDir ? { webDir: options.webDir } : {}),
  });
  try {
    const demo = options.demo
      ? await importDemoCourse({ db: seminar.db, ...(options.clock ? { clock: options.clock } : {}) })
      : null;
    const { url } = await listenSeminar(seminar);
    return {
      url,
      seminar,
      config: database.config,
      demo,
      async close() {
        await seminar.close();
        await database.drop();
      },
    };
  } catch (error) {
    await seminar.close();
    await database.drop();
    throw error;
  }
}
