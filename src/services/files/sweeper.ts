// Runs the orphan sweep at start-up and then periodically, in the background; stop() waits for a sweep under way.
import type { SweepableStore } from '../../files/blob-store.js';
import type { ServiceDeps } from '../deps.js';
import { sweepOrphans } from './sweep.js';

export const SWEEP_INTERVAL_MS = 60 * 60_000;

export interface OrphanSweeper {
  /** The sweep under way (the first one starts at once). */
  running(): Promise<void>;
  stop(): Promise<void>;
}

/** File times are wall-clock times: give `deps` without a clock unless tests move file times too. */
export function startOrphanSweeper(
  deps: ServiceDeps,
  store: SweepableStore,
  log: (line: string) => void,
  intervalMs = SWEEP_INTERVAL_MS,
): OrphanSweeper {
  let current: Promise<void> = Promise.resolve();
  let stopped = false;
  const run = () => {
    current = current.then(async () => {
      if (stopped) return;
      try {
        const report = await sweepOrphans(deps, store);
        if (report.blobs.length + report.temp.length > 0)
          log(
            `files: swept ${report.blobs.length} orphan blob(s) and ${report.temp.length} abandoned upload(s), ${report.bytes} bytes`,
          );
      } catch (error) {
        log(`files: orphan sweep failed: ${(error as Error).message}`);
      }
    });
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    running: () => current,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
