// Grading components: a weight table in a grading section, a list of "Part: 30%" or "Part: 30 pts" lines, or any
// weight table elsewhere; keys made unique, weights checked to add up to 100.
import type { GradeComponent } from '../domain/course.js';
import { blocksOf, listItems } from './blocks.js';
import type { DocumentOutline, Section } from './document.js';
import { isWeightTable, pointsToPercent, readWeightLineUnit, readWeightTable } from './sections.js';
import type { Table } from './tables.js';
import type { SyllabusWarning } from './types.js';

export function readComponents(
  lines: string[],
  doc: DocumentOutline,
  tables: Table[],
  sections: Section[],
  consumed: Set<number>,
  warnings: SyllabusWarning[],
): GradeComponent[] {
  const consume = (t: Table): void => {
    for (let i = t.start; i < t.end; i++) consumed.add(i);
  };
  const tableOf = (s: Section): Table[] => tables.filter((t) => t.start >= s.start && t.start < s.end);
  let components: GradeComponent[] = [];
  let componentsLine = 0;
  for (const c of sections) {
    for (const t of tableOf(c)) {
      if (consumed.has(t.start) || !isWeightTable(t)) continue;
      if (components.length === 0) {
        components = readWeightTable(t);
        componentsLine = t.headerLine;
      }
      consume(t);
    }
    if (components.length === 0) {
      for (const b of blocksOf(lines, c.start, c.end, doc, tables)) {
        if (b.kind !== 'list') continue;
        const items = listItems(lines, b.start, b.end).map((it) => ({
          it,
          read: readWeightLineUnit(it.text),
        }));
        if (items.length === 0 || items.some((x) => !x.read)) continue;
        const units = new Set(items.map((x) => x.read!.unit));
        if (units.size > 1) continue;
        components = items.map((x) => x.read!.component);
        componentsLine = items[0]!.it.line;
        if (units.has('pts')) {
          const points = pointsToPercent(components);
          if (Math.abs(points - 100) > 1e-6)
            warnings.push({
              line: componentsLine,
              message: `The grading weights are written in points (${points} in all); each is read as its share of the total.`,
            });
        }
        for (let i = b.start; i < b.end; i++) consumed.add(i);
        break;
      }
    }
  }
  if (components.length === 0) {
    const t = tables.find((x) => !consumed.has(x.start) && isWeightTable(x));
    if (t) {
      components = readWeightTable(t);
      componentsLine = t.headerLine;
    }
  }
  const total = components.reduce((sum, c) => sum + c.weight, 0);
  if (components.length > 0 && Math.abs(total - 100) > 1e-6) {
    warnings.push({
      line: componentsLine,
      message: `The grading weights add up to ${Math.round(total * 100) / 100}%, not 100%.`,
    });
  }
  const componentKeys = new Map<string, number>();
  for (const comp of components) {
    const n = (componentKeys.get(comp.key) ?? 0) + 1;
    componentKeys.set(comp.key, n);
    if (n > 1) comp.key = `${comp.key}-${n}`;
  }
  return components;
}
