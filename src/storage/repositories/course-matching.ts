// Pure matching of a re-imported course's parts to the stored rows, so ids stay stable (no I/O).

/** Reuses the id of the first unused existing row with the same key; new ids for the rest. */
export function matchByKey(
  existing: Array<{ id: string; key: string }>,
  wanted: string[],
  newId: () => string,
): string[] {
  const pool = new Map<string, string[]>();
  for (const row of existing) {
    const ids = pool.get(row.key) ?? [];
    ids.push(row.id);
    pool.set(row.key, ids);
  }
  return wanted.map((key) => pool.get(key)?.shift() ?? newId());
}

/** 0-based order of each meeting among the meetings of its date. */
export function dayOrders(dates: string[]): number[] {
  const seen = new Map<string, number>();
  return dates.map((date) => {
    const n = seen.get(date) ?? 0;
    seen.set(date, n + 1);
    return n;
  });
}

function epochDay(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/**
 * Meetings keep their ids when matched by date and order within the date. When the whole
 * schedule moved by a constant number of days (`--shift-to`, the demo re-run on a later day),
 * meetings match by position instead, so roles and submissions attached to them survive.
 */
export function matchMeetings(
  existing: Array<{ id: string; date: string; dayOrder: number; position: number }>,
  wantedDates: string[],
  newId: () => string,
): string[] {
  const sorted = [...existing].sort((a, b) => a.position - b.position);
  if (sorted.length === wantedDates.length && sorted.length > 0) {
    const offset = epochDay(wantedDates[0]!) - epochDay(sorted[0]!.date);
    if (offset !== 0 && sorted.every((row, i) => epochDay(wantedDates[i]!) - epochDay(row.date) === offset)) {
      return sorted.map((row) => row.id);
    }
  }
  const orders = dayOrders(wantedDates);
  return matchByKey(
    existing.map((row) => ({ id: row.id, key: `${row.date}#${row.dayOrder}` })),
    wantedDates.map((date, i) => `${date}#${orders[i]}`),
    newId,
  );
}

/** Makes keys unique by suffixing repeats ("-2", "-3"), as the unique (course, key) index requires. */
export function uniqueKeys(keys: string[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((key) => {
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}-${n}`;
  });
}
