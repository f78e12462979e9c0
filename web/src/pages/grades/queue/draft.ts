// A score being written: the form's values, exact totals, checks against the rubric, and its unsaved copy in localStorage (kept per course, item and owner until the server has it).

export interface ScoreDraft {
  /** Points per criterion as typed ("" for none yet). */
  rubric: Record<string, string>;
  /** Points as typed, for an item without a rubric. */
  points: string;
  comment: string;
  /** Excused: left out of its category (no points count for or against). */
  excused?: boolean;
}

const NUMBER = /^\d{1,9}(\.\d{1,4})?$/;
const SCALE = 10_000n;

/** "17.5" → 175000n (four decimals, exact); null when it is not a plain non-negative number. */
export function toUnits(text: string): bigint | null {
  const t = text.trim();
  if (!NUMBER.test(t)) return null;
  const [whole, frac = ''] = t.split('.');
  return BigInt(whole!) * SCALE + BigInt(frac.padEnd(4, '0'));
}

/** 175000n → "17.5". */
export function fromUnits(units: bigint): string {
  const whole = units / SCALE;
  const frac = (units % SCALE).toString().padStart(4, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}

/** Why a typed value is not acceptable for a criterion or item out of `max`, or null ("" is fine: not scored yet). */
export function pointsProblem(text: string, max: string): string | null {
  if (text.trim() === '') return null;
  const v = toUnits(text);
  if (v === null) return 'Give a number such as 3 or 2.5.';
  const top = toUnits(max);
  if (top !== null && v > top) return `Give between 0 and ${max} points.`;
  return null;
}

/** The total of the typed rubric points (blank counts nothing), exactly. */
export function rubricSum(rubric: Record<string, string>): string {
  let total = 0n;
  for (const v of Object.values(rubric)) total += toUnits(v) ?? 0n;
  return fromUnits(total);
}

export function sameDraft(a: ScoreDraft, b: ScoreDraft): boolean {
  const keys = new Set([...Object.keys(a.rubric), ...Object.keys(b.rubric)]);
  for (const k of keys) if ((a.rubric[k] ?? '').trim() !== (b.rubric[k] ?? '').trim()) return false;
  return (
    a.points.trim() === b.points.trim() &&
    a.comment === b.comment &&
    Boolean(a.excused) === Boolean(b.excused)
  );
}

/** The browser's localStorage (read through globalThis, so this logic also runs outside a page). */
interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}
const storage = (): KeyValueStore | undefined =>
  (globalThis as { localStorage?: KeyValueStore }).localStorage;

const storageKey = (slug: string, itemId: string, subject: string) =>
  `seminar:grade-draft:${slug}:${itemId}:${subject}`;

export interface StoredDraft extends ScoreDraft {
  /** When it was written (ISO). */
  at: string;
}

export function readDraft(slug: string, itemId: string, subject: string): StoredDraft | null {
  try {
    const raw = storage()?.getItem(storageKey(slug, itemId, subject));
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<StoredDraft>;
    if (typeof d.comment !== 'string' || typeof d.points !== 'string' || typeof d.at !== 'string')
      return null;
    const rubric: Record<string, string> = {};
    for (const [k, v] of Object.entries(d.rubric ?? {})) if (typeof v === 'string') rubric[k] = v;
    return { rubric, points: d.points, comment: d.comment, at: d.at };
  } catch {
    return null;
  }
}

export function writeDraft(slug: string, itemId: string, subject: string, draft: ScoreDraft): void {
  try {
    storage()?.setItem(
      storageKey(slug, itemId, subject),
      JSON.stringify({ ...draft, at: new Date().toISOString() }),
    );
  } catch {
    // Storage full or blocked: the autosave still runs; only the reload safety net is missing.
  }
}

export function clearDraft(slug: string, itemId: string, subject: string): void {
  try {
    storage()?.removeItem(storageKey(slug, itemId, subject));
  } catch {
    // Nothing to clear.
  }
}
