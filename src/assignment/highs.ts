// Thin wrapper over the HiGHS WebAssembly solver: load it once, load a model, run a stage, fix its value.
import * as highsModule from 'highs';
import type { Highs, Model } from 'highs';
import type { MipModel } from './model.js';

const highsLoader = ((highsModule as unknown as { default?: unknown }).default ??
  highsModule) as () => Promise<Highs>;
let solverPromise: Promise<Highs> | null = null;

/** Loads the HiGHS WebAssembly module once per process and reuses it. */
export function loadSolver(): Promise<Highs> {
  solverPromise ??= highsLoader()
    .then((highs) => {
      warmUp(highs);
      return highs;
    })
    .catch((error: unknown) => {
      solverPromise = null;
      throw error;
    });
  return solverPromise;
}

/**
 * Solves a small assignment LP and MIP once at load, so the WebAssembly code paths are compiled and warm
 * before the first real plan (the first solve in a process is otherwise several times slower).
 */
function warmUp(highs: Highs): void {
  const size = 12;
  const numCols = size * size;
  const starts: number[] = [0];
  const indices: number[] = [];
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) indices.push(i * size + j);
    starts.push(indices.length);
  }
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) indices.push(i * size + j);
    starts.push(indices.length);
  }
  const numRows = 2 * size;
  const model = highs.createModel({
    numCols,
    numRows,
    colCost: Float64Array.from({ length: numCols }, (_, k) => ((k * 7) % 11) + 1),
    colLower: new Float64Array(numCols),
    colUpper: new Float64Array(numCols).fill(1),
    rowLower: new Float64Array(numRows).fill(1),
    rowUpper: new Float64Array(numRows).fill(1),
    matrix: {
      format: 'csr',
      numRows,
      numCols,
      starts,
      indices,
      values: new Float64Array(indices.length).fill(1),
    },
    integrality: new Int32Array(numCols).fill(1),
  });
  try {
    model.options.set({ output_flag: false, time_limit: 2 });
    model.run();
    model.clearIntegrality();
    model.run();
  } finally {
    model.dispose();
  }
}

export type RunOutcome =
  | { kind: 'solution'; proven: boolean; value: number; gap: number; seconds: number; colValue: Float64Array }
  | { kind: 'infeasible'; seconds: number }
  | { kind: 'none'; seconds: number };

/** One HiGHS model built from a MipModel; call dispose() when done. */
export class MipRunner {
  private readonly model: Model;
  private readonly numCols: number;
  private readonly integrality: Int32Array;

  constructor(
    private readonly highs: Highs,
    mip: MipModel,
  ) {
    const inf = highs.infinity;
    const clamp = (v: number) => (v === Infinity ? inf : v === -Infinity ? -inf : v);
    const numRows = mip.rowLower.length;
    this.numCols = mip.numCols;
    this.integrality = mip.integrality;
    this.model = highs.createModel({
      numCols: mip.numCols,
      numRows,
      colCost: new Float64Array(mip.numCols),
      colLower: mip.colLower,
      colUpper: Float64Array.from(mip.colUpper, clamp),
      rowLower: mip.rowLower.map(clamp),
      rowUpper: mip.rowUpper.map(clamp),
      matrix: {
        format: 'csr',
        numRows,
        numCols: mip.numCols,
        starts: mip.starts,
        indices: mip.indices,
        values: mip.values,
      },
      integrality: mip.integrality,
    });
    this.model.options.set({
      output_flag: false,
      random_seed: 0,
      // Every stage objective is integer-valued, so an absolute gap below 1 proves optimality.
      mip_rel_gap: 0,
      mip_abs_gap: 0.5,
    });
  }

  setBounds(cols: number[], lower: number[], upper: number[]): void {
    if (cols.length === 0) return;
    const order = cols.map((_, i) => i).sort((a, b) => cols[a]! - cols[b]!);
    const inf = this.highs.infinity;
    const clamp = (v: number) => (v === Infinity ? inf : v === -Infinity ? -inf : v);
    this.model.changeColsBounds(
      { kind: 'set', indices: order.map((i) => cols[i]!) },
      order.map((i) => clamp(lower[i]!)),
      order.map((i) => clamp(upper[i]!)),
    );
  }

  /**
   * Minimises `cost` within `timeLimit` seconds, starting from `start` when given. The LP relaxation goes
   * first: HiGHS answers it in milliseconds, and when its optimum is integral it is the MIP optimum too
   * (the relaxation's value bounds the MIP's). Only otherwise does the branch-and-cut run, whose set-up
   * alone costs tens of milliseconds in WebAssembly.
   */
  run(cost: Float64Array, timeLimit: number, start?: Float64Array): RunOutcome {
    const { model, highs } = this;
    model.changeColsCost({ kind: 'range', from: 0, to: this.numCols - 1 }, cost);
    model.options.set('time_limit', Math.max(timeLimit, 0.05));
    let seconds = 0;
    model.clearIntegrality();
    model.zeroAllClocks();
    model.run();
    seconds += model.getRunTime();
    const lpCode = model.getModelStatus();
    if (lpCode === highs.constants.modelStatus.infeasible) {
      this.restoreIntegrality();
      return { kind: 'infeasible', seconds };
    }
    if (lpCode === highs.constants.modelStatus.optimal) {
      const colValue = model.getSolution().colValue;
      if (this.isIntegral(colValue)) {
        this.restoreIntegrality();
        return {
          kind: 'solution',
          proven: true,
          value: Math.round(model.getObjectiveValue()),
          gap: 0,
          seconds,
          colValue,
        };
      }
    }
    this.restoreIntegrality();
    model.options.set('time_limit', Math.max(timeLimit - seconds, 0.05));
    if (start) model.setSolution({ colValue: start });
    model.zeroAllClocks();
    model.run();
    seconds += model.getRunTime();
    const code = model.getModelStatus();
    if (code === highs.constants.modelStatus.infeasible) return { kind: 'infeasible', seconds };
    if (Number(model.info.get('primal_solution_status')) !== 2) return { kind: 'none', seconds };
    const proven = code === highs.constants.modelStatus.optimal;
    return {
      kind: 'solution',
      proven,
      value: Math.round(model.getObjectiveValue()),
      gap: proven ? 0 : Math.max(0, Number(model.info.get('mip_gap')) || 0),
      seconds,
      colValue: model.getSolution().colValue,
    };
  }

  private isIntegral(colValue: Float64Array): boolean {
    for (let i = 0; i < colValue.length; i++) {
      if (this.integrality[i] === 1 && Math.abs(colValue[i]! - Math.round(colValue[i]!)) > 1e-6) return false;
    }
    return true;
  }

  private restoreIntegrality(): void {
    this.model.changeColsIntegrality({ kind: 'range', from: 0, to: this.numCols - 1 }, this.integrality);
  }

  /** Adds the constraint cost · x ≤ value (fixing a stage's optimum for the next stages). */
  fix(cost: Float64Array, value: number): void {
    const cols: number[] = [];
    const coefs: number[] = [];
    cost.forEach((c, i) => {
      if (c !== 0) {
        cols.push(i);
        coefs.push(c);
      }
    });
    if (cols.length > 0)
      this.model.addRow(-this.highs.infinity, value + 1e-6, { indices: cols, values: coefs });
  }

  dispose(): void {
    this.model.dispose();
  }
}
