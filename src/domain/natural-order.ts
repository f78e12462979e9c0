// Natural order for names people read in lists: "Group 2" before "Group 10", case and accents aside.
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Compares two names in natural order ("Group 2" < "Group 10"); ties fall back to code-point order. */
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** A copy of the list in natural order of its names. */
export function byName<T extends { name: string }>(items: readonly T[]): T[] {
  return [...items].sort((x, y) => compareNames(x.name, y.name));
}
