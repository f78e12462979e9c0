// The staff Today page's answer (GET /api/courses/:slug/today), shared by the server and the web client.

export type SemesterState = 'no-classes' | 'before' | 'during' | 'after';

export interface TodayGroup {
  groupId: string;
  name: string;
}

export interface TodayClass {
  meetingDate: string;
  title: string | null;
  start: string;
  end: string;
  /** The class has started and not ended yet. */
  inProgress: boolean;
  presenters: Array<TodayGroup & { slides: 'in' | 'late' | 'missing' | 'open' | 'none' }>;
  slidesKey: string | null;
  slidesDueAt: string | null;
  summarizers: TodayGroup[];
  reviewers: TodayGroup[];
  /** Questions on the class's readings: hand-ins received out of the number expected (students × readings). */
  questions: { handedIn: number; expected: number; students: number; complete: number; dueAt: string } | null;
}

export interface WaitingItem {
  kind: 'proposal' | 'late';
  deliverableKey: string;
  deliverableTitle: string;
  meetingDate: string | null;
  /** "g:<id>" or "u:<id>", as the hand-ins pages take it. */
  owner: string;
  ownerName: string;
  submittedAt: string;
  version: number;
}

export interface TodayView {
  now: string;
  timeZone: string;
  state: SemesterState;
  firstClass: string | null;
  lastClass: string | null;
  nextClass: TodayClass | null;
  waiting: WaitingItem[];
  /** Classes that have started whose roll nobody has taken, oldest first. */
  rollsNotTaken: Array<{ meetingDate: string; title: string | null; start: string }>;
  /** Whether anything above asks staff to act. */
  nothingWaits: boolean;
}
