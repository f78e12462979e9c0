// The server's notification loop: announcements whose time came, deadline reminders and daily digests, queued into the mail queue.
import { performance } from 'node:perf_hooks';
import type { Db } from '../../storage/db.js';
import { nowOf } from '../deps.js';
import { mailDueAnnouncements } from './announcements.js';
import { runDigests } from './digests.js';
import { runReminders } from './reminders.js';

export interface NotificationSchedulerOptions {
  db: Db;
  publicUrl: string;
  clock?: () => Date;
  /** How often announcements and digests are looked at (ms). */
  pollMs?: number;
  /** When the first round runs after start (ms): start-up work (the demo's seeding) goes first. */
  firstDelayMs?: number;
  /** How often the (heavier) reminder run goes (ms). */
  reminderMs?: number;
  /** Called when mail was queued (wakes the mail worker). */
  onQueued?: () => void;
  log?: (line: string) => void;
  /** Told when a reminder run finished (metrics: reminder lag). */
  onReminders?: (at: Date) => void;
}

/**
 * Runs the three jobs on a timer. Every job is safe to run on several instances at once and to be
 * cut short: what it queues is keyed in the database (a row per person and occasion), so a second
 * run or instance finds the key taken and queues nothing.
 */
export class NotificationScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private lastReminders = -Infinity;
  private readonly deps: { db: Db; clock: () => Date; publicUrl: string };

  constructor(private readonly o: NotificationSchedulerOptions) {
    this.deps = { db: o.db, clock: o.clock ?? (() => nowOf({ db: o.db })), publicUrl: o.publicUrl };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.arm(this.o.firstDelayMs ?? 10_000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One round of every job now (reminders included); answers what each queued. */
  async runOnce(): Promise<{ announcements: number; reminders: number; digests: number }> {
    const announcements = await mailDueAnnouncements(this.deps);
    const reminders = await runReminders(this.deps);
    const digests = await runDigests(this.deps);
    if (announcements + reminders + digests > 0) this.o.onQueued?.();
    return { announcements, reminders, digests };
  }

  private arm(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.round().finally(() => {
        this.running = null;
        this.arm(this.o.pollMs ?? 60_000);
      });
    }, ms);
    this.timer.unref();
  }

  private async round(): Promise<void> {
    const job = async (name: string, run: () => Promise<number>) => {
      try {
        if ((await run()) > 0) this.o.onQueued?.();
      } catch (error) {
        this.o.log?.(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    await job('announcements', () => mailDueAnnouncements(this.deps));
    const now = performance.now();
    if (now - this.lastReminders >= (this.o.reminderMs ?? 5 * 60_000)) {
      this.lastReminders = now;
      await job('reminders', () => runReminders(this.deps));
      this.o.onReminders?.(this.deps.clock());
    }
    await job('digests', () => runDigests(this.deps));
  }
}
