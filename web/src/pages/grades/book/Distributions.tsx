// Distribution plots of the gradebook: each category's percents and the final percent, the letter cutoffs marked, each with its figures in words.
import { useCallback, useMemo } from 'react';
import type { RectYOptions } from '@observablehq/plot';
import { PlotFigure, type PlotModule } from '../../../components/PlotFigure.js';
import { parseDecimal, ZERO } from '../../../../../src/domain/exact.js';
import { letterFor } from '../../../../../src/domain/grading.js';
import type { BookCategory, BookCutoff, BookStudent } from './gradebook-client.js';

interface Figures {
  count: number;
  median: number | null;
  mean: number | null;
  min: number | null;
  max: number | null;
}

function figuresOf(values: number[]): Figures {
  if (values.length === 0) return { count: 0, median: null, mean: null, min: null, max: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return {
    count: sorted.length,
    median,
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
    min: sorted[0]!,
    max: sorted.at(-1)!,
  };
}

const shown = (n: number | null) => (n === null ? '—' : n.toFixed(2));

const numbers = (texts: Array<string | null>) =>
  texts.filter((t): t is string => t !== null).map((t) => Number(t));

const BINS = Array.from({ length: 21 }, (_, i) => i * 5);

export function Distributions({
  students,
  categories,
  cutoffs,
}: {
  students: BookStudent[];
  categories: BookCategory[];
  cutoffs: BookCutoff[];
}) {
  const perCategory = useMemo(
    () =>
      categories.map((c) => ({
        category: c,
        values: numbers(students.map((s) => s.categories[c.key] ?? null)),
      })),
    [students, categories],
  );
  const finals = useMemo(() => numbers(students.map((s) => s.final)), [students]);
  const marks = useMemo(
    () =>
      cutoffs
        .map((c) => ({ letter: c.letter, min: Number(c.min) }))
        .filter((c) => Number.isFinite(c.min) && c.min > 0),
    [cutoffs],
  );

  const drawCategories = useCallback(
    (plot: PlotModule, width: number) => {
      type Row = { category: string; v: number };
      const rows: Row[] = perCategory.flatMap((p) => p.values.map((v) => ({ category: p.category.name, v })));
      const names = perCategory.map((p) => p.category.name);
      return plot.plot({
        width,
        height: 50 + perCategory.length * 80,
        marginLeft: 48,
        marginRight: 10,
        x: { domain: [0, 100], label: 'Percent', ticks: width < 500 ? 5 : 10 },
        y: { label: 'Students', ticks: 3 },
        fy: { domain: names, label: null, axis: null, padding: 0.3 },
        marks: [
          plot.rectY(
            rows,
            plot.binX<RectYOptions>(
              { y: 'count' },
              { x: (d: Row) => Math.min(d.v, 99.999), fy: 'category', thresholds: BINS, fill: '#1d5aa6' },
            ),
          ),
          plot.ruleY([0]),
          plot.text(names, {
            text: (n: string) => n,
            fy: (n: string) => n,
            frameAnchor: 'top-left',
            dy: -12,
            fontWeight: 'bold',
          }),
        ],
      });
    },
    [perCategory],
  );

  const low = Math.min(40, ...finals.map((v) => Math.floor(v / 10) * 10));
  const drawFinal = useCallback(
    (plot: PlotModule, width: number) =>
      plot.plot({
        width,
        height: 220,
        marginTop: 28,
        marginLeft: 48,
        x: { domain: [low, 100], label: 'Final percent' },
        y: { label: 'Students', grid: true },
        marks: [
          plot.rectY(
            finals,
            plot.binX<RectYOptions>(
              { y: 'count' },
              {
                x: (d: number) => Math.min(d, 99.999),
                thresholds: BINS.filter((b) => b >= low),
                fill: '#1d5aa6',
              },
            ),
          ),
          plot.ruleY([0]),
          plot.ruleX(
            marks.filter((m) => m.min >= low),
            { x: 'min', stroke: '#c2410c', strokeDasharray: '4 3', className: 'cutoff-rule' },
          ),
          // On a narrow chart only the whole letters are named (the table below names them all).
          plot.text(
            marks.filter((m) => m.min >= low && (width >= 600 || /^[A-Z]$/.test(m.letter))),
            {
              x: 'min',
              text: 'letter',
              frameAnchor: 'top',
              dy: -16,
              fill: '#9a3412',
              fontWeight: 'bold',
              className: 'cutoff-letter',
            },
          ),
        ],
      }),
    [finals, marks, low],
  );

  const finalFigures = figuresOf(finals);
  const exact = cutoffs.map((c) => ({ letter: c.letter, min: parseDecimal(c.min) ?? ZERO }));
  const letterCounts = cutoffs.map((c) => ({ letter: c.letter, min: c.min, count: 0 }));
  for (const s of students) {
    const final = s.final === null ? null : parseDecimal(s.final);
    if (final === null) continue;
    const letter = letterFor(final, exact);
    const row = letterCounts.find((l) => l.letter === letter);
    if (row) row.count++;
  }

  return (
    <section aria-labelledby="book-plots-title" className="book-plots">
      <h2 id="book-plots-title">Distributions</h2>
      <PlotFigure
        id="final-plot"
        caption="Final percent of the students shown, with the letter cutoffs marked"
        label={`Histogram of ${finalFigures.count} final percents; cutoffs ${marks.map((m) => `${m.letter} at ${m.min}`).join(', ')}`}
        draw={drawFinal}
      >
        <p className="muted">
          {finalFigures.count} students with a final percent: median {shown(finalFigures.median)}, mean{' '}
          {shown(finalFigures.mean)}, lowest {shown(finalFigures.min)}, highest {shown(finalFigures.max)}.
        </p>
        <div
          className="table-scroll"
          data-scroll-container=""
          tabIndex={0}
          role="region"
          aria-label="Students per letter"
        >
          <table className="book-figures">
            <caption>Students per letter</caption>
            <thead>
              <tr>
                <th scope="col">Letter</th>
                <th scope="col">From</th>
                <th scope="col">Students</th>
              </tr>
            </thead>
            <tbody>
              {letterCounts.map((l) => (
                <tr key={l.letter}>
                  <th scope="row">{l.letter}</th>
                  <td>≥ {l.min} %</td>
                  <td>{l.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </PlotFigure>
      <PlotFigure
        id="category-plot"
        caption="Each category’s percent of the students shown"
        label={`Histograms of the category percents: ${perCategory.map((p) => p.category.name).join(', ')}`}
        draw={drawCategories}
      >
        <div
          className="table-scroll"
          data-scroll-container=""
          tabIndex={0}
          role="region"
          aria-label="Category figures"
        >
          <table className="book-figures">
            <caption>Category figures</caption>
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col">Students</th>
                <th scope="col">Median</th>
                <th scope="col">Mean</th>
                <th scope="col">Lowest</th>
                <th scope="col">Highest</th>
              </tr>
            </thead>
            <tbody>
              {perCategory.map((p) => {
                const f = figuresOf(p.values);
                return (
                  <tr key={p.category.key}>
                    <th scope="row">{p.category.name}</th>
                    <td>{f.count}</td>
                    <td>{shown(f.median)}</td>
                    <td>{shown(f.mean)}</td>
                    <td>{shown(f.min)}</td>
                    <td>{shown(f.max)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </PlotFigure>
    </section>
  );
}
