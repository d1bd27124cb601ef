// Sweep of the collective share (all departments or one) from 0 to 100 %: the outcome curve, best balance, flatness.
import type { CompiledPlanModel } from './compile';
import { WEIGHTING_VALUE } from './compile';
import { baseInputs, outputIndex } from './sensitivityModel';

export interface SweepOptions {
  /** One department's share, or null for every department's together. */
  departmentId: string | null;
  /** Points from 0 to 100 %, both included; default 101 (every whole percent). */
  points?: number;
  /** The outcome to maximise; default the value of the scorecard effort. */
  outputKey?: string;
  /** A shortfall from the best within this fraction of its size counts as "as good"; default 0.01 (1 %). */
  tolerance?: number;
  /** Inputs of the other assumptions (a scenario's); default the base case. */
  inputs?: Float64Array;
}

export interface SweepPoint {
  sharePct: number;
  value: number;
}

export interface SweepResult {
  departmentId: string | null;
  outputKey: string;
  points: SweepPoint[];
  best: SweepPoint;
  /** The outcome with the shares as they stand in `inputs`, and that share when it is one number. */
  current: { sharePct: number | null; value: number };
  /** best.value − current.value: what moving to the best balance is worth. */
  gain: number;
  /** The contiguous shares around the best whose outcome is within the tolerance of it. */
  flat: { fromPct: number; toPct: number };
  tolerance: number;
  /** True when the best balance is neither 0 % nor 100 %. */
  interior: boolean;
}

/** Thrown when a sweep has nothing to move. */
export class NothingToSweepError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NothingToSweepError';
  }
}

/**
 * Evaluates the model with the chosen collective share(s) set to each point of 0..100 % (the rest as given) and
 * reads off the best balance (the first maximum) and the flat range around it.
 */
export function sweepCollectiveShare(model: CompiledPlanModel, options: SweepOptions): SweepResult {
  const points = options.points ?? 101;
  if (!Number.isInteger(points) || points < 2) throw new RangeError('A sweep needs at least 2 points.');
  const outputKey = options.outputKey ?? WEIGHTING_VALUE;
  const tolerance = options.tolerance ?? 0.01;
  const o = outputIndex(model, outputKey);
  const departments = model.departments.filter(
    (d) => d.inputIndex >= 0 && (options.departmentId === null || d.id === options.departmentId),
  );
  if (departments.length === 0) {
    throw new NothingToSweepError(
      options.departmentId === null
        ? 'No department has both collective and individual measures, so no balance can move.'
        : 'This department needs both collective and individual measures for its balance to move.',
    );
  }
  const inputs = Float64Array.from(options.inputs ?? baseInputs(model));
  const out = new Float64Array(model.outputs.length);
  model.evaluate(inputs, out);
  const currentValue = out[o] as number;
  const shares = departments.map((d) => inputs[d.inputIndex] as number);
  const currentShare = shares.every((s) => s === shares[0]) ? (shares[0] as number) : null;

  const curve: SweepPoint[] = [];
  for (let k = 0; k < points; k++) {
    const sharePct = (100 * k) / (points - 1);
    for (const d of departments) inputs[d.inputIndex] = sharePct;
    model.evaluate(inputs, out);
    curve.push({ sharePct, value: out[o] as number });
  }
  let bestIndex = 0;
  curve.forEach((p, k) => {
    if (p.value > (curve[bestIndex] as SweepPoint).value) bestIndex = k;
  });
  const best = curve[bestIndex] as SweepPoint;
  const floor = best.value - tolerance * Math.abs(best.value);
  let from = bestIndex;
  while (from > 0 && (curve[from - 1] as SweepPoint).value >= floor) from--;
  let to = bestIndex;
  while (to < curve.length - 1 && (curve[to + 1] as SweepPoint).value >= floor) to++;
  return {
    departmentId: options.departmentId,
    outputKey,
    points: curve,
    best,
    current: { sharePct: currentShare, value: currentValue },
    gain: best.value - currentValue,
    flat: { fromPct: (curve[from] as SweepPoint).sharePct, toPct: (curve[to] as SweepPoint).sharePct },
    tolerance,
    interior: bestIndex > 0 && bestIndex < curve.length - 1,
  };
}
